import { useMutation } from '@tanstack/react-query';
import { intakeOperations, type IntakeReadResponse } from '../../../../contract/intake.ts';
import { callOperation } from '../../../lib/api-client';

export type ReadIntakeInput = { kind: 'text'; text: string; referenceDate: string } | { kind: 'file'; file: File; referenceDate: string };

/** Reads pasted text or an uploaded .txt/.docx/.pdf (two operations, one form). Nothing is saved. */
export function readIntake(input: ReadIntakeInput): Promise<IntakeReadResponse> {
  if (input.kind === 'text') return callOperation(intakeOperations.readText, { body: { text: input.text, referenceDate: input.referenceDate } });
  const form = new FormData();
  // Before the file: the server reads the fields that precede it.
  form.append('referenceDate', input.referenceDate);
  form.append('file', input.file, input.file.name);
  return callOperation(intakeOperations.readFile, { body: form });
}

export function useReadIntake() {
  return useMutation({ mutationFn: readIntake });
}
