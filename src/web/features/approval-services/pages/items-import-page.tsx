import { committedCount as n, ZoneImportPage } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { approvalKeys } from '../api/keys';

/** 导入赋权事项目录: the shared zone import page on the delegated-items importer. */
export default function ItemsImportPage() {
  const { t } = useI18n();
  return (
    <ZoneImportPage
      title={t('approvals.importTitle')}
      intro={t('approvals.importIntro')}
      kind="delegated-items"
      invalidates={approvalKeys.all}
      describePlan={(s) => t('approvals.importPlan', { valid: s.validRows })}
      describeResult={(s) => t('approvals.importDone', { created: n(s, 'itemsCreated'), updated: n(s, 'itemsUpdated') })}
    />
  );
}
