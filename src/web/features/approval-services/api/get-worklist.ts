import { useQuery } from '@tanstack/react-query';
import { approvalServiceOperations } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { approvalKeys } from './keys';

export const getWorklist = () => callOperation(approvalServiceOperations.worklist, {});
export const useWorklist = () => useQuery({ queryKey: approvalKeys.worklist, queryFn: getWorklist });
