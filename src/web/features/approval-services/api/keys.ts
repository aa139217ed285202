/** The approval services' react-query keys; every mutation here refreshes `all` (and the 工作台, projects). */
export const approvalKeys = {
  all: ['approval-services'] as const,
  items: (zoneId: string | null, q: string) => ['approval-services', 'items', zoneId ?? 'all', q] as const,
  cases: (zoneId: string | null) => ['approval-services', 'cases', zoneId ?? 'all'] as const,
  worklist: ['approval-services', 'worklist'] as const,
  projectOptions: (zoneId: string | null) => ['approval-services', 'projects', zoneId ?? 'none'] as const,
  project: (id: string | null) => ['approval-services', 'project', id ?? 'none'] as const,
  people: (zoneId: string | null) => ['approval-services', 'people', zoneId ?? 'none'] as const,
};
