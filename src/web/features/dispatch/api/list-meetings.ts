import { useQuery } from '@tanstack/react-query';
import type { Meeting } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';

export const listMeetings = (zoneId: string | null) => api.get<Meeting[]>('/meetings', { zoneId });
export const useMeetings = (zoneId: string | null) => useQuery({ queryKey: dispatchKeys.meetings(zoneId), queryFn: () => listMeetings(zoneId) });
