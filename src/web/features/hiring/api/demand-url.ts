import { hiringOperations } from '../../../../contract/services/hiring.ts';
import { operationUrl } from '../../../lib/api-client';

/** 企业岗位需求表 (.xlsx): the zone's demand, or what one fair offers. */
export const demandUrl = (query: { zoneId?: string; fairId?: string }) => operationUrl(hiringOperations.exportDemand, { query });
