import { blockerOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const reopenBlocker = ({ id, ...body }: { id: string; version: number; reason: string }) =>
  callOperation(blockerOperations.reopen, { params: { id }, body });
export const useReopenBlocker = () => useDispatchMutation(reopenBlocker);
