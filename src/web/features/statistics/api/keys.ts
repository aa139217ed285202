/** Query keys of the statistics feature (one root, so a save re-reads grid, trend and results). */
export const statisticsKeys = {
  all: ['statistics'] as const,
  grid: (q: object) => ['statistics', 'grid', q] as const,
  history: (q: object) => ['statistics', 'history', q] as const,
  trend: (q: object) => ['statistics', 'trend', q] as const,
  schemes: ['statistics', 'schemes'] as const,
  results: (q: object) => ['statistics', 'results', q] as const,
};
