import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Zone } from '../../../../contract/org.ts';
import { RecordHistoryDrawer, type RecordHistoryTarget } from '../../../components/record-history-drawer';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useZones } from '../api/list-zones';
import { ParkNameModal, type ParkTarget } from '../components/park-name-modal';
import { ZoneCard } from '../components/zone-card';
import { ZoneFormModal } from '../components/zone-form-modal';

/** 开发区与园区: every zone the user covers (or the one chosen in the switcher), with its parks. */
export default function ZonesPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const { zoneId } = useCurrentZone();
  const zones = useZones();
  const [zoneForm, setZoneForm] = useState<{ zone: Zone | null } | null>(null);
  const [parkTarget, setParkTarget] = useState<ParkTarget | null>(null);
  const [history, setHistory] = useState<RecordHistoryTarget | null>(null);

  const shown = (zones.data ?? []).filter((z) => !zoneId || z.id === zoneId);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('org.zonesTitle')}
        </Typography.Title>
        {hasPermission('zone.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setZoneForm({ zone: null })}>
            {t('org.createZone')}
          </Button>
        )}
      </Flex>
      {zones.isError && <Alert type="error" showIcon title={zones.error.message} />}
      {zones.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : shown.length === 0 ? (
        <Empty />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {shown.map((zone) => (
            <ZoneCard
              key={zone.id}
              zone={zone}
              onEdit={() => setZoneForm({ zone })}
              onAddPark={() => setParkTarget({ mode: 'add', zoneId: zone.id })}
              onRenamePark={(park) => setParkTarget({ mode: 'rename', park })}
              onHistory={() => setHistory({ entityType: 'zone', entityId: zone.id, name: zone.name })}
            />
          ))}
        </Space>
      )}
      <ZoneFormModal open={zoneForm !== null} zone={zoneForm?.zone ?? null} onClose={() => setZoneForm(null)} />
      <ParkNameModal target={parkTarget} onClose={() => setParkTarget(null)} />
      <RecordHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
