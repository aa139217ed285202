import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { projectPlanOperations, type landComplianceRow } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

export type LandComplianceRow = z.infer<typeof landComplianceRow>;

/** 标准地履标: every project with indicators, in one zone or in all the zones the user covers. */
export const listLandCompliance = (zoneId: string | null) => callOperation(projectPlanOperations.landCompliance, { query: { zoneId: zoneId ?? undefined } });

export function useLandCompliance(zoneId: string | null) {
  return useQuery({ queryKey: [...projectKeys.all, 'land-standards', zoneId ?? 'all'], queryFn: () => listLandCompliance(zoneId) });
}
