import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const addAgendaItem = ({ id, ...body }: { id: string; version: number; title: string }) => api.post<MeetingDetail>(`/meetings/${id}/agenda`, body);
export const useAddAgendaItem = () => useDispatchMutation(addAgendaItem);
