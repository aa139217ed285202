import { Select } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import { useCurrentZone } from '../lib/current-zone-context';

const allZones = '__all__';

/** 选择开发区: only for users covering more than one zone. */
export function ZoneSwitcher({ compact }: { compact?: boolean } = {}) {
  const { t } = useI18n();
  const { zoneId, zones, setZoneId } = useCurrentZone();
  if (zones.length <= 1) return null;
  return (
    <Select
      aria-label={t('shell.zoneSwitcher')}
      title={t('shell.zoneSwitcher')}
      // On a phone it shares the header with search, notices, language and the user: a narrower box.
      style={compact ? { width: 112 } : { minWidth: 180 }}
      popupMatchSelectWidth={false}
      value={zoneId ?? allZones}
      onChange={(value: string) => setZoneId(value === allZones ? null : value)}
      options={[{ value: allZones, label: t('shell.allZones') }, ...zones.map((z) => ({ value: z.id, label: z.shortName, title: z.name }))]}
    />
  );
}
