import { useQuery } from '@tanstack/react-query';
import { meetingOperations } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const listMeetings = (zoneId: string | null) => callOperation(meetingOperations.list, { query: { zoneId: zoneId ?? undefined } });
export const useMeetings = (zoneId: string | null) => useQuery({ queryKey: dispatchKeys.meetings(zoneId), queryFn: () => listMeetings(zoneId) });
