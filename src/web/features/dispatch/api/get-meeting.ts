import { useQuery } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const getMeeting = (id: string) => api.get<MeetingDetail>(`/meetings/${id}`);
export const useMeeting = (id: string) => useQuery({ queryKey: dispatchKeys.meeting(id), queryFn: () => getMeeting(id) });
