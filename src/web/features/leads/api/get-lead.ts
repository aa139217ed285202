import { useQuery } from '@tanstack/react-query';
import { leadFileOperations, leadOperations, type LeadDetail } from '../../../../contract/leads.ts';
import { callOperation, operationUrl } from '../../../lib/api-client';
import { leadKeys } from './keys';

export function getLead(id: string): Promise<LeadDetail> {
  return callOperation(leadOperations.get, { params: { id } });
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: () => getLead(id) });
}

/** Where the browser downloads a lead's file (with the session cookie). */
export function leadFileUrl(fileId: string): string {
  return operationUrl(leadFileOperations.download, { params: { id: fileId } });
}
