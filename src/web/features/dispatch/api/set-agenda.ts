import type { MeetingDetail } from '../../../../contract/dispatch.ts';
import { apiRequest } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const setAgenda = ({ id, ...body }: { id: string; version: number; items: { id: string; annotation: string | null }[] }) =>
  apiRequest<MeetingDetail>('PUT', `/meetings/${id}/agenda`, { body });
export const useSetAgenda = () => useDispatchMutation(setAgenda);
