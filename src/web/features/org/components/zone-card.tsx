import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { Zone } from '../../../../contract/org.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useLabels } from '../../../lib/use-labels';
import type { Park } from '../api/create-park';

interface ZoneCardProps {
  zone: Zone;
  onEdit: () => void;
  onAddPark: () => void;
  onRenamePark: (park: Park) => void;
  onHistory: () => void;
}

/** One zone with its facts and parks; buttons appear only for the actions the server allows. */
export function ZoneCard({ zone, onEdit, onAddPark, onRenamePark, onHistory }: ZoneCardProps) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <Card
      title={
        <Space>
          {zone.name}
          <Tag color="blue">{zone.shortName}</Tag>
        </Space>
      }
      extra={
        <Space size={0}>
          {zone.actions.includes('update') && (
            <Button type="link" icon={<EditOutlined />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
          {zone.actions.includes('addPark') && (
            <Button type="link" icon={<PlusOutlined />} onClick={onAddPark}>
              {t('org.addPark')}
            </Button>
          )}
          {zone.actions.includes('history') && (
            <Button type="link" icon={<HistoryOutlined />} onClick={onHistory}>
              {t('common.history')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'code', label: t('org.zoneCode'), children: zone.code },
          { key: 'kind', label: t('org.zoneKind'), children: labels.option('zoneKind', zone.kind) },
          { key: 'region', label: t('org.zoneRegion'), children: `${zone.regionName} (${zone.regionCode})` },
          { key: 'period', label: t('org.reportPeriod'), children: labels.option('reportPeriod', zone.reportPeriod) },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        {t('org.parks')}
      </Typography.Text>
      {zone.parks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noParks')} />
      ) : (
        <Space wrap>
          {zone.parks.map((park) => (
            <Tag key={park.id} style={{ padding: '4px 8px', fontSize: 14 }}>
              {park.name}
              {park.actions.includes('update') && (
                <Button type="link" size="small" aria-label={`${t('org.renamePark')} ${park.name}`} icon={<EditOutlined />} onClick={() => onRenamePark(park)} />
              )}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}
