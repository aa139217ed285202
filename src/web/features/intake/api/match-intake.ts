import { useMutation } from '@tanstack/react-query';
import { intakeOperations } from '../../../../contract/intake.ts';
import type { OperationBody } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';

export type MatchIntakeInput = OperationBody<typeof intakeOperations.match>;

/** Proposes a new draft or an update (with its diff) for each accepted fact. Nothing is saved. */
export function matchIntake(input: MatchIntakeInput) {
  return callOperation(intakeOperations.match, { body: input });
}

export function useMatchIntake() {
  return useMutation({ mutationFn: matchIntake });
}
