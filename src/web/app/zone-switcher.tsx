import { Select } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import { useCurrentZone } from '../lib/current-zone-context';

const allZones = '__all__';

/** 选择开发区: only for users covering more than one zone. */
export function ZoneSwitcher() {
  const { t } = useI18n();
  const { zoneId, zones, setZoneId } = useCurrentZone();
  if (zones.length <= 1) return null;
  return (
    <Select
      aria-label={t('shell.zoneSwitcher')}
      title={t('shell.zoneSwitcher')}
      style={{ minWidth: 180 }}
      value={zoneId ?? allZones}
      onChange={(value: string) => setZoneId(value === allZones ? null : value)}
      options={[{ value: allZones, label: t('shell.allZones') }, ...zones.map((z) => ({ value: z.id, label: z.shortName, title: z.name }))]}
    />
  );
}
