import { blockerOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const escalateBlocker = ({ id, ...body }: { id: string; version: number; note?: string }) =>
  callOperation(blockerOperations.escalate, { params: { id }, body });
export const useEscalateBlocker = () => useDispatchMutation(escalateBlocker);
