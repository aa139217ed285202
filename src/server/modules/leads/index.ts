/**
 * The leads module's public surface: the only file of src/server/modules/leads/ another module may
 * import (checked by `npm run check:boundaries`, see docs/decisions/011-boundaries-checked.md).
 */
export {
  chinaToday,
  createLeadsService,
  type LeadCreateInput,
  type LeadsService,
  type LeadWriteOptions,
  type ProjectsFromLead,
} from './leads.service.ts';
