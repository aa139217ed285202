import { useQuery } from '@tanstack/react-query';
import { fundingOperations } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { fundingKeys } from './keys';

export const listContacts = (zoneId: string | null) => callOperation(fundingOperations.listContacts, { query: { zoneId: zoneId ?? undefined } });
export const useContacts = (zoneId: string | null) => useQuery({ queryKey: fundingKeys.contacts(zoneId), queryFn: () => listContacts(zoneId) });
