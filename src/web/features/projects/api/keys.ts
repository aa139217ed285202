import type { QueryParams } from '../../../lib/api-client';

/** The projects feature's react-query keys (prefixes: invalidating `all` refreshes every project query). */
export const projectKeys = {
  all: ['projects'] as const,
  list: (params: QueryParams) => ['projects', 'list', params] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  batch: (zoneId: string, periodStart: string | undefined) => ['projects', 'batch', zoneId, periodStart ?? 'current'] as const,
  templates: (zoneId: string | null) => ['projects', 'templates', zoneId ?? 'global'] as const,
  flagRule: (zoneId: string | null) => ['projects', 'flag-rule', zoneId ?? 'global'] as const,
  flagHistory: (id: string, at: string) => ['projects', 'flag-history', id, at] as const,
  assignees: (zoneId: string) => ['projects', 'assignees', zoneId] as const,
  calendar: (year: number) => ['calendar', year] as const,
};
