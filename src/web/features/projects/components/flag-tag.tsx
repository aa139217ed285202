import { Tag, Tooltip } from 'antd';
import type { FlagReason, ProjectFlag } from '../../../../contract/projects.ts';
import { useProjectsI18n, type ProjectsKey } from '../i18n';

const colors: Record<ProjectFlag, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** 红黄绿灯 with its reasons on hover. */
export function FlagTag({ flag, reasons }: { flag: ProjectFlag; reasons: FlagReason[] }) {
  const { t } = useProjectsI18n();
  const text = reasons.map((r) =>
    t(`reason.${r.code}` as ProjectsKey, { milestone: r.milestone ?? '', days: r.days ?? 0, points: r.points ?? 0, periodStart: r.periodStart ?? '' }),
  );
  return (
    <Tooltip title={text.length ? text.join('；') : undefined}>
      <Tag color={colors[flag]} data-testid="project-flag" data-flag={flag}>
        {t(`flag.${flag}`)}
      </Tag>
    </Tooltip>
  );
}
