import { blockerOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const resolveBlocker = ({ id, ...body }: { id: string; version: number; resolution: string; resolvedOn?: string }) =>
  callOperation(blockerOperations.resolve, { params: { id }, body });
export const useResolveBlocker = () => useDispatchMutation(resolveBlocker);
