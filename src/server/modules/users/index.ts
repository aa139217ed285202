/**
 * The users module's public surface: the only file of src/server/modules/users/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export { createUsersService, type UsersService } from './users.service.ts';
