import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dispatchSettingsSchema, putDispatchSettingsBody } from '../../../../contract/dispatch.ts';
import { apiRequest, api } from '../../../lib/api-client';
import { dispatchKeys } from './keys';
import { useDispatchMutation } from './use-dispatch-mutation';

export type DispatchSettings = z.infer<typeof dispatchSettingsSchema>;

/** A zone's dispatch settings; `version` 0 means the zone still runs on the default. */
export const getDispatchSettings = (zoneId: string) => api.get<DispatchSettings>('/dispatch/settings', { zoneId });
export const useDispatchSettings = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.settings(zoneId), queryFn: () => getDispatchSettings(zoneId!), enabled: Boolean(zoneId) });

export const putDispatchSettings = (body: z.input<typeof putDispatchSettingsBody>) => apiRequest<DispatchSettings>('PUT', '/dispatch/settings', { body });
export const usePutDispatchSettings = () => useDispatchMutation(putDispatchSettings);
