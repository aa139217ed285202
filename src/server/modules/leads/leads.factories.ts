/** Builders for the leads tests: records made through the API, dated by the test clock. */
import { expect } from 'vitest';
import { leadOperations, type agreementInput, type createLeadBody } from '../../../contract/leads.ts';
import { leadStages, stageGates, type LeadStage } from '../../../contract/pipeline-enums.ts';
import { testToday } from '../../../../test/clock.ts';
import type { z } from 'zod';
import type { Client, TestContext } from '../../../../test/harness.ts';
import { uploadMultipart } from '../../../../test/pipeline-fixtures.ts';
import { pathOf } from '../../../contract/operation.ts';

let serial = 0;

/**
 * A lead of the caller's zone (a chain-method 线索 at the first stage unless overridden), named
 * uniquely unless a name is given (two leads of one name without an investor are duplicates).
 */
export async function buildLead(client: Client, overrides: Partial<z.input<typeof createLeadBody>> = {}) {
  serial += 1;
  const res = await client.call(leadOperations.create, { body: { name: `测试线索${serial}号`, method: 'chain', ...overrides } });
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

type AgreementBody = z.input<typeof agreementInput>;

/**
 * Moves a lead stage by stage up to `stage` as a user would, recording each gate's agreement
 * (framework, investment) on its way with the dates and amounts given (defaults: today, 1000 万元);
 * a gate the lead's agreements already meet is passed without a new one.
 */
export async function advanceLead(
  ctx: TestContext,
  client: Client,
  leadId: string,
  stage: LeadStage,
  agreements: Partial<Record<'framework' | 'investment', Partial<AgreementBody>>> = {},
) {
  let detail = (await client.call(leadOperations.get, { params: { id: leadId } })).body;
  const file = (await uploadLeadFile(ctx, client, leadId)).body as { id: string };
  for (const next of leadStages.slice(leadStages.indexOf(detail.stage) + 1, leadStages.indexOf(stage) + 1)) {
    const gate = stageGates[next];
    // A gate already met by an agreement on the lead is passed without a new one, unless one is given.
    const needed = (gate === 'framework' || gate === 'investment') && (agreements[gate] || !detail.agreements.some((a) => a.kind === gate));
    const agreement = needed && gate ? { kind: gate, signedOn: testToday, amountWan: 1000, fileId: file.id, ...agreements[gate as 'framework'] } : undefined;
    const res = await client.call(leadOperations.changeStage, { params: { id: leadId }, body: { stage: next, version: detail.version, agreement } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    detail = res.body;
  }
  return detail;
}
