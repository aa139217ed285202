import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { intakeMatchBody, IntakeMatchResponse } from '../../../../contract/intake.ts';
import { api } from '../../../lib/api-client';

export type MatchIntakeInput = z.input<typeof intakeMatchBody>;

/** Proposes a new draft or an update (with its diff) for each accepted fact. Nothing is saved. */
export function matchIntake(input: MatchIntakeInput): Promise<IntakeMatchResponse> {
  return api.post<IntakeMatchResponse>('/intake/match', input);
}

export function useMatchIntake() {
  return useMutation({ mutationFn: matchIntake });
}
