import { intakeOperations as op, intakeReadFileFields } from '../../../contract/intake.ts';
import type { Router } from '../../platform/http/operations.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { IntakeService } from './intake.service.ts';

/** The multipart plugin's limit errors, as intake's own. */
function uploadError(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('INTAKE_TOO_LARGE');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return fieldError('file', 'intake_one_file');
  return err;
}

export function intakeRoutes(router: Router, intake: IntakeService) {
  router.handle(op.readText, ({ body }) => intake.readText(body));

  router.handle(op.readFile, async ({ file }) => {
    const upload = await file().catch((err: unknown) => {
      throw uploadError(err);
    });
    if (!upload) throw new AppError('INTAKE_EMPTY');
    const fields = intakeReadFileFields.safeParse(upload.fields);
    if (!fields.success) throw fieldError('referenceDate', 'date_format');
    return intake.readFile({ bytes: upload.buffer, fileName: upload.fileName || 'upload.txt' }, fields.data.referenceDate);
  });

  router.handle(op.match, ({ session, body }) => intake.match(session, body));

  router.handle(op.commit, ({ session, body, requestId }) => intake.commit(session, body, requestId));

  router.handle(op.figures, ({ session, query }) => intake.figures(session, query));
}
