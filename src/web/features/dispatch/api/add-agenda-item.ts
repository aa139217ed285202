import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const addAgendaItem = ({ id, ...body }: { id: string; version: number; title: string }) =>
  callOperation(meetingOperations.addAgendaItem, { params: { id }, body });
export const useAddAgendaItem = () => useDispatchMutation(addAgendaItem);
