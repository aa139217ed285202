/**
 * The leads module's public surface: the only file of src/server/modules/leads/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 * China's "today" is the platform's (platform/clock.ts chinaToday(clock)), not this module's.
 */
export { createLeadsService, type LeadCreateInput, type LeadsService, type LeadWriteOptions, type ProjectsFromLead } from './leads.service.ts';
/** The counting rule in SQL (decision 009), for the zone KPIs' signed amount: the same rule, never a second one. */
export { countedAgreementsSql, type ZoneFilter } from './leads.repository.ts';
