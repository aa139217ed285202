import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const updateMeeting = ({ id, ...body }: { id: string; version: number; minutes?: string | null; title?: string; status?: 'draft' | 'open' }) =>
  callOperation(meetingOperations.update, { params: { id }, body });
export const useUpdateMeeting = () => useDispatchMutation(updateMeeting);
