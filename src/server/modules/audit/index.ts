/**
 * The audit module's public surface: the only file of src/server/modules/audit/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
import { createAuditService } from './audit.service.ts';

export { createAuditService };
export type AuditService = ReturnType<typeof createAuditService>;
