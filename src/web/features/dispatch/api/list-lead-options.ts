import { useQuery } from '@tanstack/react-query';
import { leadOperations, signingEventOperations } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

/** The zone's leads, to nominate one for 签约一批. */
export const listLeadOptions = async (zoneId: string) =>
  (await callOperation(leadOperations.list, { query: { zoneId, pageSize: 200, sort: 'updatedAt', order: 'desc' } })).items.map((l) => ({
    id: l.id,
    name: l.name,
  }));
export const useLeadOptions = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.leadOptions(zoneId), queryFn: () => listLeadOptions(zoneId!), enabled: Boolean(zoneId), staleTime: 300_000 });

/** The zone's signing events (签约活动), for a campaign to name the one held for it. */
export const listSigningEvents = (zoneId: string) => callOperation(signingEventOperations.list, { query: { zoneId } });
export const useSigningEvents = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.signingEvents(zoneId), queryFn: () => listSigningEvents(zoneId!), enabled: Boolean(zoneId), staleTime: 60_000 });
