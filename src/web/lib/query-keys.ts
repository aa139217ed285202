import type { QueryParams } from './api-client';

/**
 * Every react-query key in one place, so a mutation in one feature can invalidate what another
 * feature shows (features never import each other). Keys are prefixes: invalidating `zones.all`
 * refreshes every zone query.
 */
export const queryKeys = {
  me: ['me'] as const,
  workbench: ['workbench'] as const,
  regions: ['regions'] as const,
  zones: { all: ['zones'] as const },
  departments: { all: ['departments'] as const, byZone: (zoneId: string | null) => ['departments', zoneId ?? 'all'] as const },
  users: { all: ['users'] as const, list: (params: QueryParams) => ['users', 'list', params] as const },
  audit: { all: ['audit'] as const, list: (params: QueryParams) => ['audit', 'list', params] as const },
  history: { all: ['audit', 'history'] as const, of: (entityType: string, entityId: string) => ['audit', 'history', entityType, entityId] as const },
};
