import { listLeads } from '../leads/index.ts';

export const projectCount = 3;
export const fromLeads = () => listLeads();
