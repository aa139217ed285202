/** Builders for the leads tests: records made through the API, dated by the test clock. */
import { expect } from 'vitest';
import { leadOperations, type createLeadBody } from '../../../contract/leads.ts';
import type { z } from 'zod';
import type { Client, TestContext } from '../../../../test/harness.ts';
import { uploadMultipart } from '../../../../test/pipeline-fixtures.ts';
import { pathOf } from '../../../contract/operation.ts';

/** A lead of the caller's zone (a chain-method 线索 at the first stage unless overridden). */
export async function buildLead(client: Client, overrides: Partial<z.input<typeof createLeadBody>> = {}) {
  const res = await client.call(leadOperations.create, { body: { name: '测试线索', method: 'chain', ...overrides } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Attaches a small PDF (an agreement scan) to a lead, as the browser uploads it. */
export function uploadLeadFile(ctx: TestContext, client: Client, leadId: string, options: { fileName?: string; content?: Buffer } = {}) {
  return uploadMultipart(ctx, client, pathOf(leadOperations.uploadFile, { id: leadId }), options.content ?? Buffer.from('%PDF-1.4 test'), {
    fileName: options.fileName ?? 'agreement.pdf',
    contentType: 'application/pdf',
  });
}
