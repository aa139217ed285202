// leads.service.ts → enterprises.repository.ts is the exception test/boundaries.test.ts gives this tree.
import type { createEnterprisesRepository } from '../enterprises/enterprises.repository.ts';
import { normalizeName } from '../enterprises/index.ts';
import { serviceName } from '../enterprises/enterprises.service.ts'; // BAD: module-through-public-surface (the exception is for the repository only)
import { projectCount } from '../projects/index.ts'; // BAD: no-cycle-between-modules (projects imports leads back)
import type { createLeadsRepository } from './leads.repository.ts';

export const createLeadsService = (leads: ReturnType<typeof createLeadsRepository>, enterprises: ReturnType<typeof createEnterprisesRepository>) => ({
  leads,
  enterprises,
  normalizeName,
  serviceName,
});
export const listLeads = () => projectCount;
