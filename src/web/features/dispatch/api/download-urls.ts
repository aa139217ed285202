import { blockerOperations, campaignOperations, meetingOperations } from '../../../../contract/dispatch.ts';
import type { OperationQuery } from '../../../../contract/operation.ts';
import { operationUrl } from '../../../lib/api-client';

/** The links of dispatch's downloads (.docx, .xlsx): the browser fetches them with the session cookie. */
export const reminderUrl = (id: string) => operationUrl(blockerOperations.reminder, { params: { id } });
export type BlockersExportQuery = NonNullable<OperationQuery<typeof blockerOperations.exportList>>;
export const blockersExportUrl = (query: BlockersExportQuery) => operationUrl(blockerOperations.exportList, { query });
export const briefUrl = (id: string) => operationUrl(meetingOperations.brief, { params: { id } });
export const trackingUrl = (id: string) => operationUrl(campaignOperations.tracking, { params: { id } });
