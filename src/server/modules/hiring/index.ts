/** The hiring module's public surface: the only file of modules/hiring/ another module may import. */
export { createHiringService, hiringSummaryText, type HiringService } from './hiring.service.ts';
