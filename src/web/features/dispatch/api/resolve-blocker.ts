import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const resolveBlocker = ({ id, ...input }: { id: string; version: number; resolution: string; resolvedOn?: string }) =>
  api.post<BlockerDetail>(`/blockers/${id}/resolve`, input);
export const useResolveBlocker = () => useDispatchMutation(resolveBlocker);
