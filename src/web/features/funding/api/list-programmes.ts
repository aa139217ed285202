import { useQuery } from '@tanstack/react-query';
import { fundingOperations } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

export const listProgrammes = (zoneId: string | null) => callOperation(fundingOperations.listProgrammes, { query: { zoneId: zoneId ?? undefined } });
export const useProgrammes = (zoneId: string | null) => useQuery({ queryKey: fundingKeys.programmes(zoneId), queryFn: () => listProgrammes(zoneId) });
