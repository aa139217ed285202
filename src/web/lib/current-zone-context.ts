import { createContext, useContext } from 'react';
import type { Me } from '../../contract/auth.ts';

export type ZoneRef = Me['zones'][number];

export interface CurrentZoneValue {
  /** The zone the user is working in, or null for 全部开发区 (all of their zones). */
  zoneId: string | null;
  zone: ZoneRef | null;
  zones: ZoneRef[];
  setZoneId: (zoneId: string | null) => void;
}

export const CurrentZoneContext = createContext<CurrentZoneValue | null>(null);

/** The zone chosen in the header's switcher; pages filter by it. */
export function useCurrentZone(): CurrentZoneValue {
  const value = useContext(CurrentZoneContext);
  if (!value) throw new Error('useCurrentZone outside <CurrentZoneProvider>');
  return value;
}
