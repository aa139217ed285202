export { createLeadsService, listLeads } from './leads.service.ts';
