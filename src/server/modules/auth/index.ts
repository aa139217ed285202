/**
 * The auth module's public surface: the only file of src/server/modules/auth/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export { createAuthService, type AuthService } from './auth.service.ts';
