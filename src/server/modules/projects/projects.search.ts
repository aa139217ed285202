import { listProjectsQuery } from '../../../contract/projects/core.ts';
import type { SearchProvider } from '../../platform/search.ts';
import type { ProjectsService } from './projects.service.ts';

/** Projects by name, through the list (its zone scope and sort), the closest names first. */
export function projectSearch(projects: ProjectsService): SearchProvider[] {
  return [
    {
      kind: 'project',
      async search(session, q, limit) {
        const page = await projects.list(session, listProjectsQuery.parse({ q, pageSize: limit, sort: 'name', order: 'asc' }));
        return page.items.map((p) => ({ kind: 'project' as const, id: p.id, title: p.name, subtitle: p.investorName, zoneName: p.zoneName }));
      },
    },
  ];
}
