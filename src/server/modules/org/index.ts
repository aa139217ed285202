/**
 * The org module's public surface: the only file of src/server/modules/org/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export { createOrgService, type OrgService } from './org.service.ts';
export { gb2260Regions, regionNamePrefixes } from './gb2260.ts';
