import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { dispatchSettingsOperations, type putDispatchSettingsBody } from '../../../../contract/dispatch.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { dispatchKeys } from './keys';
import { useDispatchMutation } from './use-dispatch-mutation';

export type DispatchSettings = OperationResult<typeof dispatchSettingsOperations.get>;

/** A zone's dispatch settings; `version` 0 means the zone still runs on the default. */
export const getDispatchSettings = (zoneId: string) => callOperation(dispatchSettingsOperations.get, { query: { zoneId } });
export const useDispatchSettings = (zoneId: string | null) =>
  useQuery({ queryKey: dispatchKeys.settings(zoneId), queryFn: () => getDispatchSettings(zoneId!), enabled: Boolean(zoneId) });

export const putDispatchSettings = (body: z.input<typeof putDispatchSettingsBody>) => callOperation(dispatchSettingsOperations.put, { body });
export const usePutDispatchSettings = () => useDispatchMutation(putDispatchSettings);
