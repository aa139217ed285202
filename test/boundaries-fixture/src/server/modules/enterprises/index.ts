export { createEnterprisesService } from './enterprises.service.ts';
export { normalizeName } from './normalize-name.ts';
