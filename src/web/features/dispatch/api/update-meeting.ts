import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const updateMeeting = ({ id, ...input }: { id: string; version: number; minutes?: string | null; title?: string; status?: 'draft' | 'open' }) =>
  api.patch<MeetingDetail>(`/meetings/${id}`, input);
export const useUpdateMeeting = () => useDispatchMutation(updateMeeting);
