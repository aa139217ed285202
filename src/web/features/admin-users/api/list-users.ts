import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../../contract/roles.ts';
import type { userPage } from '../../../../contract/users.ts';
import { callOperation } from '../../../lib/api-client';
import { userOperations } from '../../../../contract/users.ts';
import { queryKeys } from '../../../lib/query-keys';

export type UserPage = z.infer<typeof userPage>;

export interface ListUsersParams {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
  zoneId?: string;
  active?: 'true' | 'false';
  signsIn?: 'true' | 'false';
}

export function listUsers(params: ListUsersParams): Promise<UserPage> {
  return callOperation(userOperations.list, { query: params });
}

/** Keeps the previous page on screen while the next one loads, so the table does not flash. */
export function useUsers(params: ListUsersParams) {
  return useQuery({ queryKey: queryKeys.users.list({ ...params }), queryFn: () => listUsers(params), placeholderData: keepPreviousData });
}
