import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const createMeeting = (input: { zoneId: string; heldOn: string; title?: string }) => callOperation(meetingOperations.create, { body: input });
export const useCreateMeeting = () => useDispatchMutation(createMeeting);
