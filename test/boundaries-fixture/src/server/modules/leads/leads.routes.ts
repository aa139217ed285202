import { createEnterprisesRepository } from '../enterprises/enterprises.repository.ts'; // BAD: module-through-public-surface (the exception is for leads.service.ts only)
import { createLeadsService } from './leads.service.ts';

export const routes = () => createLeadsService({ all: () => [] }, createEnterprisesRepository());
