/** The land-efficiency feature's react-query keys; every mutation here refreshes `all`. */
export const landEfficiencyKeys = {
  all: ['land-efficiency'] as const,
  config: (zoneId: string, year: number) => ['land-efficiency', 'config', zoneId, year] as const,
  results: (params: object) => ['land-efficiency', 'results', params] as const,
  runs: (zoneId: string, year: number) => ['land-efficiency', 'runs', zoneId, year] as const,
};
