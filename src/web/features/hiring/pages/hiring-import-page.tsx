import { Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { ImportWizard } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { hiringKeys } from '../api/keys';

/** 导入企业岗位需求表: the shared wizard on the `hiring-posts` importer. */
export default function HiringImportPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const queryClient = useQueryClient();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const n = (s: ImportSummary, k: string) => Number((s.committed as Record<string, number> | null)?.[k] ?? 0);
  return (
    <div>
      <Typography.Title level={4}>{t('hiring.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hiring.importIntro')}</Typography.Paragraph>
      <ImportWizard
        key={zoneId ?? 'none'}
        kind="hiring-posts"
        zoneId={zoneId}
        disabled={!zoneId}
        onCommitted={() => queryClient.invalidateQueries({ queryKey: hiringKeys.all })}
        describePlan={(s) => t('hiring.importPlan', { valid: s.validRows })}
        describeResult={(s) => t('hiring.importDone', { c: n(s, 'postsCreated'), u: n(s, 'postsUpdated') })}
      />
    </div>
  );
}
