import type { z } from 'zod';
import { landEfficiencyOperations as op, type saveConfigBody } from '../../../../contract/land-efficiency.ts';
import { callOperation } from '../../../lib/api-client';
import { useLandEfficiencyMutation } from './use-land-efficiency-mutation';

export const useSaveLandEfficiencyConfig = () =>
  useLandEfficiencyMutation((body: z.input<typeof saveConfigBody>) => callOperation(op.saveConfig, { body }));
