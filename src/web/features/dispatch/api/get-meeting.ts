import { useQuery } from '@tanstack/react-query';
import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const getMeeting = (id: string) => callOperation(meetingOperations.get, { params: { id } });
export const useMeeting = (id: string) => useQuery({ queryKey: dispatchKeys.meeting(id), queryFn: () => getMeeting(id) });
