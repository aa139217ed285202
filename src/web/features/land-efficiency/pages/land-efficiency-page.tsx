import { useState } from 'react';
import { Result, Select, Skeleton, Space, Tabs } from 'antd';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { chinaToday } from '../../../lib/format-date-time';
import { useLandEfficiencyConfig } from '../api/get-config';
import { ConfigTab } from '../components/config-tab';
import { ResultsTab } from '../components/results-tab';
import { RunsTab } from '../components/runs-tab';

/** 亩均效益评价 of the header's zone: results of a year, the year's policy, its runs (docs/land-efficiency.md). */
export default function LandEfficiencyPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const config = useLandEfficiencyConfig(zoneId, year);

  return (
    <div>
      <PageHeader
        title={t('le.title')}
        extra={
          <Space wrap>
            <span>{t('le.year')}</span>
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              data-testid="le-year"
              options={[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({ value: y, label: String(y) }))}
            />
          </Space>
        }
      />
      {!zoneId ? (
        <Result status="info" title={t('le.chooseZone')} />
      ) : !config.data ? (
        <Skeleton active />
      ) : (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'results', label: t('le.tab.results'), children: <ResultsTab key={`${zoneId}-${year}`} zoneId={zoneId} year={year} canRun={config.data.actions.includes('run')} /> },
            { key: 'config', label: t('le.tab.config'), children: <ConfigTab config={config.data} year={year} /> },
            { key: 'runs', label: t('le.tab.runs'), children: <RunsTab zoneId={zoneId} year={year} /> },
          ]}
        />
      )}
    </div>
  );
}
