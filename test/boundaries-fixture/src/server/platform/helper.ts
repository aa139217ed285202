import { listLeads } from '../modules/leads/index.ts'; // BAD: platform-and-db-not-to-modules

export const helper = () => typeof listLeads;
