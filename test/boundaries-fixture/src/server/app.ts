// The composition root may wire any file of any module.
import { createEnterprisesRepository } from './modules/enterprises/enterprises.repository.ts';
import { createLeadsService } from './modules/leads/index.ts';
import { createLeadsRepository } from './modules/leads/leads.repository.ts';

export const app = () => createLeadsService(createLeadsRepository(), createEnterprisesRepository());
