import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { CurrentZoneContext, type CurrentZoneValue, type ZoneRef } from './current-zone-context';

const storageKey = 'zonedesk.zoneId';

/** Holds the switcher's choice, remembered in localStorage; a stored zone the user no longer covers is ignored. */
export function CurrentZoneProvider({ zones, children }: { zones: ZoneRef[]; children: ReactNode }) {
  const [stored, setStored] = useState<string | null>(() => localStorage.getItem(storageKey));

  const setZoneId = useCallback((zoneId: string | null) => {
    if (zoneId) localStorage.setItem(storageKey, zoneId);
    else localStorage.removeItem(storageKey);
    setStored(zoneId);
  }, []);

  const value = useMemo<CurrentZoneValue>(() => {
    // A single-zone user is always in that zone.
    const zone = zones.length === 1 ? zones[0] : (zones.find((z) => z.id === stored) ?? null);
    return { zoneId: zone?.id ?? null, zone, zones, setZoneId };
  }, [zones, stored, setZoneId]);

  return <CurrentZoneContext.Provider value={value}>{children}</CurrentZoneContext.Provider>;
}
