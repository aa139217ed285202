import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const regenerateAgenda = ({ id, version }: { id: string; version: number }) =>
  callOperation(meetingOperations.regenerateAgenda, { params: { id }, body: { version } });
export const useRegenerateAgenda = () => useDispatchMutation(regenerateAgenda);
