/** The finance feature's react-query keys; every mutation here refreshes `all` (and the 工作台). */
export const financeKeys = {
  all: ['finance'] as const,
  institutions: (zoneId: string | null) => ['finance', 'institutions', zoneId ?? 'all'] as const,
  products: (zoneId: string | null) => ['finance', 'products', zoneId ?? 'all'] as const,
  needs: (zoneId: string | null) => ['finance', 'needs', zoneId ?? 'all'] as const,
  events: (zoneId: string | null) => ['finance', 'events', zoneId ?? 'all'] as const,
  referrals: (zoneId: string | null) => ['finance', 'referrals', zoneId ?? 'all'] as const,
  summary: (params: object) => ['finance', 'summary', params] as const,
};
