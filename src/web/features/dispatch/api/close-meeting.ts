import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const closeMeeting = ({ id, version }: { id: string; version: number }) => callOperation(meetingOperations.close, { params: { id }, body: { version } });
export const useCloseMeeting = () => useDispatchMutation(closeMeeting);
