import { useState } from 'react';
import { Button, Select, Space, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { chinaToday } from '../../../lib/format-date-time';
import { financeExportUrl } from '../api/export-url';
import { EventsTab } from '../components/events-tab';
import { InstitutionsTab } from '../components/institutions-tab';
import { NeedsTab } from '../components/needs-tab';
import { ReferralsTab } from '../components/referrals-tab';
import { SummaryTab } from '../components/summary-tab';

/** 金融服务 · 银企对接: the quarterly summary, financing needs, referrals, 银企对接会, institutions and products, in the header's zone. */
export default function FinancePage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  // Lists show the header's zone (or all of the caller's); new records go to it, or to the only one.
  const listZone = current.zoneId;
  const writeZone = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState<number | undefined>(undefined);

  return (
    <div>
      <PageHeader
        title={t('finance.title')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 140 }}
              value={year ?? 0}
              onChange={(v) => setYear(v || undefined)}
              options={[
                { value: 0, label: t('finance.lastFourQuarters') },
                ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) })),
              ]}
              data-testid="finance-year"
            />
            <Button icon={<DownloadOutlined />} href={financeExportUrl(listZone, year)} data-testid="finance-export">
              {t('finance.export')}
            </Button>
          </Space>
        }
      />
      <Tabs
        items={[
          { key: 'summary', label: t('finance.tab.summary'), children: <SummaryTab zoneId={listZone} year={year} /> },
          { key: 'needs', label: t('finance.tab.needs'), children: <NeedsTab zoneId={writeZone} listZone={listZone} /> },
          { key: 'referrals', label: t('finance.tab.referrals'), children: <ReferralsTab zoneId={writeZone} listZone={listZone} /> },
          { key: 'events', label: t('finance.tab.events'), children: <EventsTab zoneId={writeZone} listZone={listZone} /> },
          { key: 'institutions', label: t('finance.tab.institutions'), children: <InstitutionsTab zoneId={writeZone} listZone={listZone} /> },
        ]}
      />
    </div>
  );
}
