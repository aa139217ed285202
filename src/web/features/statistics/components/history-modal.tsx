import { Modal, Table, Tag } from 'antd';
import { isCumulative, periodText, type IndicatorCode, type IndicatorDef } from '../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useHistory } from '../api/get-history';
import { readable } from './stat-grid';

/** Every value saved for one cell, oldest first: a revision keeps the old value. */
export function HistoryModal({ zoneId, of, onClose }: { zoneId: string; of: { indicator: IndicatorDef; period: string } | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const history = useHistory(of ? { zoneId, indicator: of.indicator.code as IndicatorCode, period: of.period } : null);
  const name = of ? (locale === 'en-US' ? of.indicator.en : of.indicator.zh) : '';
  return (
    <Modal
      open={!!of}
      onCancel={onClose}
      footer={null}
      width={720}
      title={of ? t('stats.historyOf', { indicator: name, period: periodText(of.period, locale, isCumulative(of.indicator)) }) : ''}
    >
      <Table
        size="small"
        rowKey="version"
        loading={history.isLoading}
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={history.data ?? []}
        columns={[
          { title: t('stats.version'), dataIndex: 'version', width: 60 },
          {
            title: t('stats.value'),
            dataIndex: 'value',
            align: 'right',
            render: (v: string | null) =>
              v == null ? t('stats.cleared') : `${readable(v)} ${of ? (locale === 'en-US' ? of.indicator.unitEn : of.indicator.unit) : ''}`,
          },
          { title: t('stats.source'), dataIndex: 'source' },
          { title: t('stats.via'), dataIndex: 'via', render: (v: string) => <Tag>{t(`stats.via.${v}` as 'stats.via.grid')}</Tag> },
          { title: t('stats.enteredBy'), dataIndex: 'enteredByName' },
          { title: t('stats.enteredAt'), dataIndex: 'enteredAt', render: (v: string) => formatDateTime(v, locale) },
        ]}
      />
    </Modal>
  );
}
