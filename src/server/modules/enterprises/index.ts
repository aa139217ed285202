/**
 * The enterprises module's public surface: the only file of src/server/modules/enterprises/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export { createEnterprisesService, type EnterprisesService, type FindOrCreateEnterprise } from './enterprises.service.ts';
export { normalizeEnterpriseName } from './normalize-name.ts';
export { enterpriseNameDirectory } from './enterprises.name-directory.ts';
