/** Builders for tests that need an enterprise: made through the API, named uniquely. */
import { expect } from 'vitest';
import type { z } from 'zod';
import { enterpriseOperations, type createEnterpriseBody } from '../../../contract/enterprises.ts';
import type { Client } from '../../../../test/harness.ts';

let serial = 0;

/** An enterprise with a unique name, flagged as having no credit code unless one is given. */
export async function buildEnterprise(client: Client, overrides: Partial<z.input<typeof createEnterpriseBody>> = {}) {
  serial += 1;
  const body = { name: `测试企业${serial}号有限公司`, noCreditCode: !overrides.creditCode, ...overrides };
  const res = await client.call(enterpriseOperations.create, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
