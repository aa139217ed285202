import { useState } from 'react';
import { Button, DatePicker, Form, Popover, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { dispatchSheetUrl } from '../api/dispatch-sheet';
import { useZonesWithParks } from '../api/list-zones';
import { useProjectsI18n } from '../i18n';

/** 导出调度表: zone and period pickers, then a plain download link (the cookie goes with it). */
export function DispatchExportButton({ zoneId }: { zoneId: string | null }) {
  const { t } = useProjectsI18n();
  const zones = useZonesWithParks();
  const [zone, setZone] = useState<string | undefined>(zoneId ?? undefined);
  const [period, setPeriod] = useState<Dayjs>(dayjs().subtract(1, 'month').startOf('month'));
  const chosen = zone ?? (zones.data?.length === 1 ? zones.data[0].id : undefined);
  const kind = zones.data?.find((z) => z.id === chosen)?.reportPeriod ?? 'month';
  const content = (
    <Form layout="vertical" style={{ width: 260 }}>
      <Form.Item label={t('sheet.zone')}>
        <Select value={chosen} onChange={setZone} options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))} data-testid="sheet-zone" />
      </Form.Item>
      <Form.Item label={t('sheet.period')} extra={t('sheet.periodHint')}>
        <DatePicker
          picker={kind === 'month' ? 'month' : 'date'}
          value={period}
          onChange={(d) => d && setPeriod(d)}
          allowClear={false}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        disabled={!chosen}
        href={chosen ? dispatchSheetUrl(chosen, period.format('YYYY-MM-DD')) : undefined}
        data-testid="sheet-download"
        block
      >
        {t('sheet.download')}
      </Button>
    </Form>
  );
  return (
    <Popover trigger="click" content={content} placement="bottomRight">
      <Space>
        <Button icon={<DownloadOutlined />} data-testid="sheet-export">
          {t('sheet.export')}
        </Button>
      </Space>
    </Popover>
  );
}
