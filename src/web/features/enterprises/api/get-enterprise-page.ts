import { useQuery } from '@tanstack/react-query';
import type { EnterprisePage } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

/** The enterprise with its contacts, and its leads and projects in the caller's zones. */
export function useEnterprisePage(id: string) {
  return useQuery({ queryKey: enterpriseKeys.page(id), queryFn: () => api.get<EnterprisePage>(`/enterprises/${id}/page`) });
}
