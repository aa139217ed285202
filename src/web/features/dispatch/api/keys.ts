/** The dispatch feature's react-query keys; every mutation here refreshes `all` (and the 工作台). */
export const dispatchKeys = {
  all: ['dispatch'] as const,
  blockers: (params: object) => ['dispatch', 'blockers', params] as const,
  blocker: (id: string) => ['dispatch', 'blocker', id] as const,
  meetings: (zoneId: string | null) => ['dispatch', 'meetings', zoneId ?? 'all'] as const,
  meeting: (id: string) => ['dispatch', 'meeting', id] as const,
  campaigns: (zoneId: string | null) => ['dispatch', 'campaigns', zoneId ?? 'all'] as const,
  campaign: (id: string) => ['dispatch', 'campaign', id] as const,
  notifications: ['dispatch', 'notifications'] as const,
  unread: ['dispatch', 'notifications', 'unread'] as const,
  assignees: (zoneId: string | null) => ['dispatch', 'assignees', zoneId ?? 'none'] as const,
  projectOptions: (zoneId: string | null) => ['dispatch', 'project-options', zoneId ?? 'none'] as const,
  departments: (zoneId: string | null) => ['dispatch', 'departments', zoneId ?? 'none'] as const,
  settings: (zoneId: string | null) => ['dispatch', 'settings', zoneId ?? 'none'] as const,
  decisions: (params: object) => ['dispatch', 'decisions', params] as const,
  rates: (year: number) => ['dispatch', 'rates', year] as const,
};
