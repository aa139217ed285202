import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const setAgenda = ({ id, ...body }: { id: string; version: number; items: { id: string; annotation: string | null }[] }) =>
  callOperation(meetingOperations.setAgenda, { params: { id }, body });
export const useSetAgenda = () => useDispatchMutation(setAgenda);
