/**
 * Test builders for projects: a valid body with overrides, and the period helpers tests need, all
 * from the tests' fixed day (test/clock.ts), which is the day the app under test runs on.
 */
import { testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { addDays, periodOf, previousPeriod } from '../../../contract/periods.ts';

export const fendong = demoId('zone:fendong');
export const hejin = demoId('zone:hejin');

/** A valid create body (万元 as the form sends them) for 汾东; `overrides` replace or add fields. */
export function buildProject(overrides: Record<string, unknown> = {}) {
  return {
    zoneId: fendong,
    name: `测试新材料年产1万吨项目${Math.random().toString(36).slice(2, 6)}`,
    nature: 'new',
    level: 'city',
    totalInvestmentWan: '12345.6789',
    fixedAssetInvestmentWan: 10000,
    sectorText: '新材料',
    parkId: demoId('park:fendong:新材料产业园'),
    leaderUserId: demoId('user:leader'),
    officerUserId: demoId('user:projects'),
    departmentId: demoId('dept:fendong:project'),
    ...overrides,
  };
}

/** The last month that has ended, and the one before: periods a test can report. */
export const lastMonth = () => previousPeriod('month', testToday);
export const monthBefore = () => previousPeriod('month', lastMonth().start);
export const currentMonth = () => periodOf('month', testToday);
export const daysAgo = (n: number) => addDays(testToday, -n);

/** A multipart/form-data body with one file and text fields, as a browser sends it. */
export function multipart(file: { name: string; type: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = `----zonedesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest valid PNG (1×1). */
export const tinyPng = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d60000000049454e44ae426082',
  'hex',
);
