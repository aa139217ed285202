import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const closeMeeting = ({ id, version }: { id: string; version: number }) => api.post<MeetingDetail>(`/meetings/${id}/close`, { version });
export const useCloseMeeting = () => useDispatchMutation(closeMeeting);
