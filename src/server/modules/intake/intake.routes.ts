import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  INTAKE_MAX_BYTES,
  intakeCommitBody,
  intakeCommitResponse,
  intakeMatchBody,
  intakeMatchResponse,
  intakeReadBody,
  intakeReadResponse,
} from '../../../contract/intake.ts';
import { isoDate } from '../../../contract/common.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { IntakeService } from './intake.service.ts';

export const intakeRoutes: FastifyPluginAsyncZod<{ intake: IntakeService }> = async (app, { intake }) => {
  const tags = ['intake'];
  // Scoped to this plugin (as projects does for its photos): the limits are intake's own.
  await app.register(multipart, { limits: { fileSize: INTAKE_MAX_BYTES, files: 1, fields: 2, fieldSize: 100 } });
  // Pasted text may be up to 10 MB of UTF-8; JSON escaping needs a little more.
  const bodyLimit = INTAKE_MAX_BYTES + 2 * 1024 * 1024;

  app.post(
    '/api/intake/read',
    {
      bodyLimit,
      config: { permission: 'intake.use' },
      schema: {
        tags,
        summary:
          '智能录入：读取文本 / Read a text (JSON { text, referenceDate }) or a file (multipart: file, referenceDate; .txt/.docx/.pdf ≤ 10 MB). Nothing is saved.',
        body: intakeReadBody.nullish().describe('JSON body; absent for a multipart upload'),
        response: { 200: intakeReadResponse },
      },
    },
    async (req) => {
      const s = sessionOf(req);
      if (!req.isMultipart()) {
        if (!req.body) throw fieldError('text', 'required');
        return intake.read(s, req.body);
      }
      let file: { bytes: Buffer; fileName: string } | undefined;
      let referenceDate: string | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') file = { bytes: await part.toBuffer(), fileName: part.filename || 'upload.txt' };
          else if (part.fieldname === 'referenceDate') referenceDate = String(part.value);
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('INTAKE_TOO_LARGE');
        if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw fieldError('file', 'intake_one_file');
        throw err;
      }
      if (referenceDate !== undefined && !isoDate.safeParse(referenceDate).success) throw fieldError('referenceDate', 'date_format');
      if (!file || file.bytes.length === 0) throw new AppError('INTAKE_EMPTY');
      return intake.readFile(s, file, referenceDate);
    },
  );

  app.post(
    '/api/intake/match',
    {
      config: { permission: 'intake.use' },
      schema: {
        tags,
        summary:
          '智能录入：匹配 / Propose a new draft or an update (with its diff) of an existing record of the zone for each accepted fact. Nothing is saved.',
        body: intakeMatchBody,
        response: { 200: intakeMatchResponse },
      },
    },
    async (req) => intake.match(sessionOf(req), req.body),
  );

  app.post(
    '/api/intake/commit',
    {
      bodyLimit,
      config: { permission: 'intake.use' },
      schema: {
        tags,
        summary: '智能录入：保存 / Save the confirmed proposals in one transaction, with the source text; a stale version answers 409 and saves nothing.',
        body: intakeCommitBody,
        response: { 201: intakeCommitResponse },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return intake.commit(sessionOf(req), req.body, String(req.id));
    },
  );
};
