import { useQuery } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type Timeline = OperationResult<typeof leadOperations.timeline>;

export function getTimeline(id: string): Promise<Timeline> {
  return callOperation(leadOperations.timeline, { params: { id } });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: leadKeys.timeline(id), queryFn: () => getTimeline(id) });
}
