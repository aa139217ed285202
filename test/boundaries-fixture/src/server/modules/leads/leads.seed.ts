import { demoEnterprises } from '../enterprises/enterprises.seed.ts';
import { createEnterprisesRepository } from '../enterprises/enterprises.repository.ts'; // BAD: module-through-public-surface (seeds may read seeds, not repositories)

export const seedLeads = () => demoEnterprises.map((name) => createEnterprisesRepository().find(name));
