import { landEfficiencyOperations as op } from '../../../../contract/land-efficiency.ts';
import { callOperation } from '../../../lib/api-client';
import { useLandEfficiencyMutation } from './use-land-efficiency-mutation';

/** 开展评价: replaces the year's results. */
export const useRunEvaluation = () => useLandEfficiencyMutation((body: { zoneId: string; year: number }) => callOperation(op.run, { body }));
