import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchOperations } from '../../../contract/workbench.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';

describe('工作台: the service officer’s and the 代办员’s worklists', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('the service officer: applications closing within 30 days, their 承诺制 case, the funding and hiring lines', async () => {
    const service = await ctx.login('service');
    const res = await service.call(workbenchOperations.get);
    expect(res.status).toBe(200);
    const s = res.body.services!;
    expect(s.funding).toBe('储备 12 个，申报 5 个，对接 20 次，争取资金 9500 万元');
    expect(s.hiring).toContain('岗位 520 个');
    const kinds = s.todo.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'funding_deadline')).toHaveLength(2);
    expect(s.todo.find((t) => t.kind === 'funding_deadline' && t.title.includes('省军民融合'))).toMatchObject({ link: '/funding', overdue: false });
    expect(s.todo.find((t) => t.id === demoId('approval-case:fendong:quartz-promise'))).toMatchObject({ kind: 'approval_case', link: '/approval-services' });
  });

  it('the 代办员: open cases, the overdue one first', async () => {
    const agent = await ctx.login('agent');
    const s = (await agent.call(workbenchOperations.get)).body.services!;
    const cases = s.todo.filter((t) => t.kind === 'approval_case');
    expect(cases.map((c) => c.id)).toEqual([demoId('approval-case:fendong:runkang-drawing'), demoId('approval-case:fendong:hydrogen-eia')]);
    expect(cases[0]).toMatchObject({ overdue: true, title: '施工图设计文件审查（山西润康生物医药有限公司）' });
    expect(s.todo.some((t) => t.kind === 'funding_deadline')).toBe(false);
  });
});
