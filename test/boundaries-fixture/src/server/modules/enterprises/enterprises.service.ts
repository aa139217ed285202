import { createEnterprisesRepository } from './enterprises.repository.ts';
import { normalizeName } from './normalize-name.ts';

export const createEnterprisesService = () => ({ repo: createEnterprisesRepository(), normalizeName });
export const serviceName = 'enterprises';
