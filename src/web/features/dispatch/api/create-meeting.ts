import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const createMeeting = (input: { zoneId: string; heldOn: string; title?: string }) => api.post<MeetingDetail>('/meetings', input);
export const useCreateMeeting = () => useDispatchMutation(createMeeting);
