import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const escalateBlocker = ({ id, ...input }: { id: string; version: number; note?: string }) => api.post<BlockerDetail>(`/blockers/${id}/escalate`, input);
export const useEscalateBlocker = () => useDispatchMutation(escalateBlocker);
