import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { timelineSchema } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { leadKeys } from './keys';

export type Timeline = z.infer<typeof timelineSchema>;

export function getTimeline(id: string): Promise<Timeline> {
  return api.get<Timeline>(`/leads/${id}/timeline`);
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: leadKeys.timeline(id), queryFn: () => getTimeline(id) });
}
