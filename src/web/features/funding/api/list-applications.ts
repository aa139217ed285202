import { useQuery } from '@tanstack/react-query';
import { fundingOperations } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

export const listApplications = (zoneId: string | null) => callOperation(fundingOperations.listApplications, { query: { zoneId: zoneId ?? undefined } });
export const useApplications = (zoneId: string | null) => useQuery({ queryKey: fundingKeys.applications(zoneId), queryFn: () => listApplications(zoneId) });
