import { useState } from 'react';
import { Card, DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ImportWizard } from '../../../components/import-wizard';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useDispatchSheetImported } from '../api/dispatch-sheet';
import { useZonesWithParks } from '../api/list-zones';
import { useProjectsI18n } from '../i18n';

/** 导入调度表: choose zone and period, then the shared wizard (upload once, mapping, row report, commit or discard). */
export default function DispatchImportPage() {
  const { t } = useProjectsI18n();
  const { zoneId } = useCurrentZone();
  const zones = useZonesWithParks();
  const imported = useDispatchSheetImported();
  const [zone, setZone] = useState<string | undefined>(zoneId ?? undefined);
  // No period chosen: the one the sheet states in its title (截至2026年9月30日), else the last finished one.
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const chosen = zone ?? (zones.data?.length === 1 ? zones.data[0].id : undefined);
  const kind = zones.data?.find((z) => z.id === chosen)?.reportPeriod ?? 'month';
  const counts = (c: ImportSummary['plan'] | null) => ({
    created: c?.projectsCreated ?? 0,
    updated: c?.projectsUpdated ?? 0,
    enterprises: c?.enterprisesCreated ?? 0,
    departments: c?.departmentsCreated ?? 0,
    people: c?.peopleCreated ?? 0,
    reports: c?.reportsWritten ?? 0,
  });
  const day = period?.format('YYYY-MM-DD');

  return (
    <div>
      <Typography.Title level={4}>{t('sheet.importTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sheet.importIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('sheet.zone')}>
            <Select style={{ width: 180 }} value={chosen} onChange={setZone} options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))} />
          </Form.Item>
          <Form.Item label={t('sheet.period')} tooltip={t('sheet.periodHint')}>
            <DatePicker picker={kind === 'month' ? 'month' : 'date'} value={period} allowClear onChange={(d) => setPeriod(d ?? null)} />
          </Form.Item>
        </Form>
      </Card>
      <ImportWizard
        // A new zone or period starts over: the staged rows were checked for the old one.
        key={`${chosen}:${day ?? 'sheet'}`}
        kind="project-dispatch"
        zoneId={chosen ?? null}
        params={day ? { period: day } : {}}
        disabled={!chosen}
        onCommitted={imported}
        describePlan={(s) => `${s.details.periodLabel ?? ''} · ${t('sheet.plan', counts(s.plan))}`}
        describeResult={(s) => t('sheet.done', counts(s.committed))}
      />
    </div>
  );
}
