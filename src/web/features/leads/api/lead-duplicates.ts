import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { leadOperations } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { leadKeys } from './keys';

export interface DuplicateProbe {
  zoneId?: string | null;
  name?: string | null;
  enterpriseId?: string | null;
  excludeId?: string;
}

export function getLeadDuplicates(p: DuplicateProbe) {
  return callOperation(leadOperations.duplicates, {
    query: { name: p.name!.trim(), zoneId: p.zoneId ?? undefined, enterpriseId: p.enterpriseId ?? undefined, excludeId: p.excludeId },
  });
}

/** The leads a lead being written would duplicate, asked while the person types (debounced). */
export function useLeadDuplicates(probe: DuplicateProbe, enabled = true) {
  const [settled, setSettled] = useState(probe);
  const key = JSON.stringify(probe);
  useEffect(() => {
    const t = setTimeout(() => setSettled(probe), 400);
    return () => clearTimeout(t);
  }, [key]);
  const name = settled.name?.trim();
  return useQuery({
    queryKey: leadKeys.duplicates({ ...settled, name: name ?? '' }),
    queryFn: () => getLeadDuplicates(settled),
    enabled: enabled && Boolean(name),
  });
}
