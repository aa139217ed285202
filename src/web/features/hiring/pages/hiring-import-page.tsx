import { committedCount as n, ZoneImportPage } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { hiringKeys } from '../api/keys';

/** 导入企业岗位需求表: the shared zone import page on the `hiring-posts` importer. */
export default function HiringImportPage() {
  const { t } = useI18n();
  return (
    <ZoneImportPage
      title={t('hiring.importTitle')}
      intro={t('hiring.importIntro')}
      kind="hiring-posts"
      invalidates={hiringKeys.all}
      describePlan={(s) => t('hiring.importPlan', { valid: s.validRows })}
      describeResult={(s) => t('hiring.importDone', { c: n(s, 'postsCreated'), u: n(s, 'postsUpdated') })}
    />
  );
}
