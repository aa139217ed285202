import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const regenerateAgenda = ({ id, version }: { id: string; version: number }) => api.post<MeetingDetail>(`/meetings/${id}/agenda/regenerate`, { version });
export const useRegenerateAgenda = () => useDispatchMutation(regenerateAgenda);
