export const chainKeys = {
  all: ['chains'] as const,
  plan: (zoneId: string | null) => ['chains', 'plan', zoneId] as const,
  sector: (id: string) => ['chains', 'sector', id] as const,
  chain: (id: string) => ['chains', 'chain', id] as const,
  link: (id: string) => ['chains', 'link', id] as const,
  targets: (chainId: string) => ['chains', 'targets', chainId] as const,
  roadmap: (chainId: string) => ['chains', 'roadmap', chainId] as const,
  templates: ['chains', 'templates'] as const,
  province: (key: string) => ['chains', 'province', key] as const,
  candidates: (linkId: string) => ['chains', 'candidates', linkId] as const,
};
