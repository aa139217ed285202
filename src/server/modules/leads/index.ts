/**
 * The leads module's public surface: the only file of src/server/modules/leads/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 * China's "today" is the platform's (platform/clock.ts chinaToday(clock)), not this module's.
 */
export { createLeadsService, type LeadCreateInput, type LeadsService, type LeadWriteOptions, type ProjectsFromLead } from './leads.service.ts';
