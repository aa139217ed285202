import { Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ImportWizard } from '../../../components/import-wizard';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { approvalKeys } from '../api/keys';

/** 导入赋权事项目录: the shared wizard on the delegated-items importer. */
export default function ItemsImportPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const queryClient = useQueryClient();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const n = (s: ImportSummary, k: string) => Number((s.committed as Record<string, number> | null)?.[k] ?? 0);
  return (
    <div>
      <Typography.Title level={4}>{t('approvals.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('approvals.importIntro')}</Typography.Paragraph>
      <ImportWizard
        key={zoneId ?? 'none'}
        kind="delegated-items"
        zoneId={zoneId}
        disabled={!zoneId}
        onCommitted={() => queryClient.invalidateQueries({ queryKey: approvalKeys.all })}
        describePlan={(s) => t('approvals.importPlan', { valid: s.validRows })}
        describeResult={(s) => t('approvals.importDone', { created: n(s, 'itemsCreated'), updated: n(s, 'itemsUpdated') })}
      />
    </div>
  );
}
