import { useState } from 'react';
import { Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { periodKeyPattern } from '../../../../contract/statistics-indicators.ts';
import { ImportWizard } from '../../../components/import-wizard';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { statisticsKeys } from '../api/keys';

/** 导入统计数据: the shared wizard on the statistics importer. */
export default function StatisticsImportPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const queryClient = useQueryClient();
  const zoneId = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  const [period, setPeriod] = useState('');
  const valid = period === '' || periodKeyPattern.test(period);
  const n = (s: ImportSummary, k: string) => Number((s.committed as Record<string, number> | null)?.[k] ?? 0);
  return (
    <div>
      <Typography.Title level={4}>{t('stats.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('stats.importIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('stats.importPeriod')} validateStatus={valid ? undefined : 'error'} help={valid ? undefined : '2026 / 2026Q3 / 2026-10'}>
            <Input value={period} onChange={(e) => setPeriod(e.target.value.trim())} placeholder="2026-10" style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Card>
      <ImportWizard
        key={`${zoneId}:${valid ? period : ''}`}
        kind="statistics"
        zoneId={zoneId}
        params={valid && period ? { period } : undefined}
        disabled={!zoneId || !valid}
        onCommitted={() => queryClient.invalidateQueries({ queryKey: statisticsKeys.all })}
        describePlan={(s) => t('stats.importPlan', { valid: s.validRows })}
        describeResult={(s) => t('stats.importDone', { c: n(s, 'valuesCreated'), r: n(s, 'valuesRevised'), u: n(s, 'valuesUnchanged') })}
      />
    </div>
  );
}
