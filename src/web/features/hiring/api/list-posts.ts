import { useQuery } from '@tanstack/react-query';
import { hiringOperations } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { hiringKeys } from './keys';

export const listPosts = (zoneId: string | null) => callOperation(hiringOperations.listPosts, { query: { zoneId: zoneId ?? undefined } });
export const usePosts = (zoneId: string | null) => useQuery({ queryKey: hiringKeys.posts(zoneId), queryFn: () => listPosts(zoneId) });
