import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErrorCode } from '../../../contract/errors.ts';
import { INTAKE_MAX_BYTES, type IntakeReadResponse, type IntakeSourceFormat } from '../../../contract/intake.ts';
import { AppError } from '../../platform/errors.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { IntakeInputError, readIntakeFile, type IntakeInputErrorCode } from './file-reader.ts';
import { normalise } from './reader/normalise.ts';
import { readText } from './reader/read-text.ts';

const fileErrors: Record<IntakeInputErrorCode, ErrorCode> = {
  FILE_NOT_FOUND: 'INTAKE_EMPTY',
  FILE_EMPTY: 'INTAKE_EMPTY',
  FILE_TOO_LARGE: 'INTAKE_TOO_LARGE',
  UNSUPPORTED_FORMAT: 'INTAKE_UNSUPPORTED_FORMAT',
  BINARY_CONTENT: 'INTAKE_UNREADABLE',
  CORRUPT_FILE: 'INTAKE_UNREADABLE',
  SCANNED_PDF: 'INTAKE_NO_TEXT_LAYER',
};

/** Controls, replacement and private-use characters: more than 2 % of them means the text is not text. */
const ODD_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/g;

/** Reading a pasted text or an uploaded file into facts for review. Nothing is stored. */
export function createIntakeReader(deps: { clock: Clock }) {
  const { clock } = deps;

  function readChecked(text: string, referenceDate: string | undefined, format: IntakeSourceFormat, fileName: string | null): IntakeReadResponse {
    const ref = referenceDate ?? chinaToday(clock);
    return { text, normalisedText: normalise(text).text, format, fileName, result: readText(text, { referenceDate: ref }) };
  }

  return {
    /** Reads pasted text. */
    readText(body: { text: string; referenceDate?: string }): IntakeReadResponse {
      const { text } = body;
      if (Buffer.byteLength(text, 'utf8') > INTAKE_MAX_BYTES) throw new AppError('INTAKE_TOO_LARGE');
      if (text.trim() === '') throw new AppError('INTAKE_EMPTY');
      if (text.includes('\u0000') || (text.match(ODD_CHARS)?.length ?? 0) / text.length > 0.02) throw new AppError('INTAKE_UNREADABLE');
      return readChecked(text, body.referenceDate, 'paste', null);
    },

    /** Reads an uploaded .txt/.docx/.pdf through the file reader (via a private temp file). */
    async readFile(file: { bytes: Buffer; fileName: string }, referenceDate?: string): Promise<IntakeReadResponse> {
      if (file.bytes.length === 0) throw new AppError('INTAKE_EMPTY');
      if (file.bytes.length > INTAKE_MAX_BYTES) throw new AppError('INTAKE_TOO_LARGE');
      const ext = path.extname(file.fileName).toLowerCase();
      const dir = await mkdtemp(path.join(tmpdir(), 'zonedesk-intake-'));
      try {
        const tmp = path.join(dir, `upload${/^\.[a-z0-9]{1,5}$/.test(ext) ? ext : ''}`);
        await writeFile(tmp, file.bytes, { mode: 0o600 });
        const { text, format } = await readIntakeFile(tmp);
        return readChecked(text, referenceDate, format, file.fileName.slice(0, 200));
      } catch (err) {
        if (err instanceof IntakeInputError) throw new AppError(fileErrors[err.code]);
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export type IntakeReader = ReturnType<typeof createIntakeReader>;
