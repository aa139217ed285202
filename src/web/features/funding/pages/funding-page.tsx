import { useState } from 'react';
import { Button, Select, Space, Tabs } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { fundingExportUrl } from '../api/export-url';
import { ApplicationsTab } from '../components/applications-tab';
import { ContactsTab } from '../components/contacts-tab';
import { ProgrammesTab } from '../components/programmes-tab';
import { ReserveTab } from '../components/reserve-tab';
import { SummaryTab } from '../components/summary-tab';

/** 向上争取资金: summary, programmes, the project reserve, applications and 对接记录, in the header's zone. */
export default function FundingPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const { hasPermission } = useSession();
  // Lists show the header's zone (or all of the caller's); new records go to it, or to the only one.
  const listZone = current.zoneId;
  const writeZone = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState<number | undefined>(undefined);

  return (
    <div>
      <PageHeader
        title={t('funding.title')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 120 }}
              value={year ?? 0}
              onChange={(v) => setYear(v || undefined)}
              options={[{ value: 0, label: t('funding.allYears') }, ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))]}
            />
            {hasPermission('funding.manage') && (
              <Link to="/funding/import">
                <Button icon={<UploadOutlined />}>{t('funding.import')}</Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} href={fundingExportUrl(listZone, year)} data-testid="funding-export">
              {t('funding.export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        items={[
          { key: 'summary', label: t('funding.tab.summary'), children: <SummaryTab zoneId={listZone} year={year} /> },
          { key: 'programmes', label: t('funding.tab.programmes'), children: <ProgrammesTab zoneId={writeZone ?? listZone} /> },
          { key: 'reserve', label: t('funding.tab.reserve'), children: <ReserveTab zoneId={writeZone ?? listZone} /> },
          { key: 'applications', label: t('funding.tab.applications'), children: <ApplicationsTab zoneId={listZone} /> },
          { key: 'contacts', label: t('funding.tab.contacts'), children: <ContactsTab zoneId={writeZone ?? listZone} /> },
        ]}
      />
    </div>
  );
}
