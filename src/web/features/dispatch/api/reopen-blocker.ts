import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const reopenBlocker = ({ id, ...input }: { id: string; version: number; reason: string }) => api.post<BlockerDetail>(`/blockers/${id}/reopen`, input);
export const useReopenBlocker = () => useDispatchMutation(reopenBlocker);
