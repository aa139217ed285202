/** The funding feature's react-query keys; every mutation here refreshes `all` (and the 工作台). */
export const fundingKeys = {
  all: ['funding'] as const,
  programmes: (zoneId: string | null) => ['funding', 'programmes', zoneId ?? 'all'] as const,
  reserve: (zoneId: string | null) => ['funding', 'reserve', zoneId ?? 'all'] as const,
  applications: (zoneId: string | null) => ['funding', 'applications', zoneId ?? 'all'] as const,
  contacts: (zoneId: string | null) => ['funding', 'contacts', zoneId ?? 'all'] as const,
  summary: (params: object) => ['funding', 'summary', params] as const,
  projectOptions: (zoneId: string | null) => ['funding', 'project-options', zoneId ?? 'none'] as const,
};
