import { createContext, useContext } from 'react';
import type { Me } from '../../contract/auth.ts';

export interface SessionValue {
  me: Me;
  hasPermission: (permission: string) => boolean;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user, their zones and permissions; only valid inside the authenticated layout. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the authenticated layout');
  return value;
}
