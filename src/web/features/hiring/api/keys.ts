/** The hiring feature's react-query keys; every mutation here refreshes `all` (and the 工作台). */
export const hiringKeys = {
  all: ['hiring'] as const,
  posts: (zoneId: string | null) => ['hiring', 'posts', zoneId ?? 'all'] as const,
  fairs: (zoneId: string | null) => ['hiring', 'fairs', zoneId ?? 'all'] as const,
  partnerships: (zoneId: string | null) => ['hiring', 'partnerships', zoneId ?? 'all'] as const,
  summary: (zoneId: string | null) => ['hiring', 'summary', zoneId ?? 'all'] as const,
};
