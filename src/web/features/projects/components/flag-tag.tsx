import { Tag, Tooltip } from 'antd';
import type { FlagReason, ProjectFlag } from '../../../../contract/projects.ts';
import { useProjectsI18n, type ProjectsKey } from '../i18n';

export const flagColors: Record<ProjectFlag, string> = { green: 'success', yellow: 'warning', red: 'error' };
const missingLabel = { leaderUserId: 'field.leader', departmentId: 'field.department', officerUserId: 'field.officer' } as const;

/** One reason in the caller's language. */
export function useFlagReasonText() {
  const { t, locale } = useProjectsI18n();
  return (r: FlagReason) =>
    t(`reason.${r.code}` as ProjectsKey, {
      milestone: r.milestone ?? '',
      days: r.days ?? 0,
      points: r.points ?? 0,
      periodStart: r.periodStart ?? '',
      missing: (r.missing ?? []).map((f) => t(missingLabel[f])).join(locale === 'en-US' ? ', ' : '、'),
    });
}

/** 红黄绿灯 with its reasons on hover. */
export function FlagTag({ flag, reasons }: { flag: ProjectFlag; reasons: FlagReason[] }) {
  const { t } = useProjectsI18n();
  const reasonText = useFlagReasonText();
  const text = reasons.map(reasonText);
  return (
    <Tooltip title={text.length ? text.join('；') : undefined}>
      <Tag color={flagColors[flag]} data-testid="project-flag" data-flag={flag}>
        {t(`flag.${flag}`)}
      </Tag>
    </Tooltip>
  );
}
