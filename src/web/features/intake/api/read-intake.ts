import { useMutation } from '@tanstack/react-query';
import type { IntakeReadResponse } from '../../../../contract/intake.ts';
import { api } from '../../../lib/api-client';

export type ReadIntakeInput = { kind: 'text'; text: string; referenceDate: string } | { kind: 'file'; file: File; referenceDate: string };

/** Reads pasted text (JSON) or an uploaded .txt/.docx/.pdf (multipart). Nothing is saved. */
export function readIntake(input: ReadIntakeInput): Promise<IntakeReadResponse> {
  if (input.kind === 'text') return api.post<IntakeReadResponse>('/intake/read', { text: input.text, referenceDate: input.referenceDate });
  const form = new FormData();
  form.append('referenceDate', input.referenceDate);
  form.append('file', input.file, input.file.name);
  return api.upload<IntakeReadResponse>('/intake/read', form);
}

export function useReadIntake() {
  return useMutation({ mutationFn: readIntake });
}
