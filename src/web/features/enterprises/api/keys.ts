export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (params: Record<string, unknown>) => ['enterprises', 'list', params] as const,
  page: (id: string) => ['enterprises', 'page', id] as const,
  industries: ['enterprises', 'industries'] as const,
};
