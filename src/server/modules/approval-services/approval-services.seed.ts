/**
 * Approval-service demo data for 汾东经开区, from the seed's clock: twelve 赋权事项 of the zone's
 * catalogue and five cases: an overdue 全代办 case of 润康生物 linked to its 施工图审查 item (it
 * escalates on the first read), a fresh 全代办 case, a granted one, and two 承诺制 cases (one awaiting
 * its 核查, one inspected). 河津 gets one item and one case (the security walk's records).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { createWorkCalendar } from '../../platform/calendar.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { approvalCases, delegatedItems } from './approval-services.schema.ts';

type I = [key: string, code: string, name: string, department: string, statutory: number, promised: number];
export const demoItems: I[] = [
  ['filing', 'SX-FD-001', '企业投资项目备案', '市发展改革委', 5, 1],
  ['energy', 'SX-FD-002', '固定资产投资项目节能审查', '市发展改革委', 20, 5],
  ['eia', 'SX-FD-003', '建设项目环境影响报告表审批', '市生态环境局', 30, 10],
  ['planning', 'SX-FD-004', '建设工程规划许可证核发', '市自然资源局', 20, 3],
  ['land', 'SX-FD-005', '建设用地规划许可证核发', '市自然资源局', 20, 3],
  ['drawing', 'SX-FD-006', '施工图设计文件审查', '市住房和城乡建设局', 15, 5],
  ['fire', 'SX-FD-007', '建设工程消防设计审查', '市住房和城乡建设局', 15, 5],
  ['construction', 'SX-FD-008', '建筑工程施工许可证核发', '市住房和城乡建设局', 7, 2],
  ['water', 'SX-FD-009', '生产建设项目水土保持方案审批', '市水利局', 20, 5],
  ['safety', 'SX-FD-010', '危险化学品建设项目安全条件审查', '市应急管理局', 45, 15],
  ['lightning', 'SX-FD-011', '防雷装置设计审核', '市气象局', 20, 5],
  ['civil', 'SX-FD-012', '人防工程设计审查', '市人防办', 10, 2],
];

export async function seedApprovalServices(tx: DbOrTx, options: { clock?: Clock } = {}) {
  const today = chinaToday(options.clock);
  const cal = createWorkCalendar();
  const zoneId = demoId('zone:fendong');
  const itemId = (k: string) => demoId(`delegated-item:fendong:${k}`);
  const agent = demoId('user:agent');
  const service = demoId('user:service');
  /** The day `n` working days before today. */
  const workdaysAgo = (n: number) => {
    let d = today;
    while (cal.workdaysBetween(d, today) < n) d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return d;
  };
  await tx
    .insert(delegatedItems)
    .values(
      demoItems.map(([key, code, name, department, statutoryDays, promisedDays]) => ({
        id: itemId(key),
        zoneId,
        code,
        name,
        department,
        statutoryDays,
        promisedDays,
        legalBasis: '山西省开发区赋权事项目录',
      })),
    );
  const approvalOf = async (project: string, name: string) =>
    rowsOf<{ id: string }>(
      await tx.execute(sql`select id from project_approvals where project_id = ${demoId(`project:${project}`)}::uuid and name = ${name} limit 1`),
    )[0]?.id ?? null;

  const overdueAccepted = workdaysAgo(8);
  const freshAccepted = workdaysAgo(1);
  const grantedAccepted = workdaysAgo(25);
  const promised = workdaysAgo(30);
  const inspectedPromise = workdaysAgo(80);
  await tx.insert(approvalCases).values([
    {
      id: demoId('approval-case:fendong:runkang-drawing'),
      zoneId,
      itemId: itemId('drawing'),
      projectId: demoId('project:runkang-bio'),
      projectApprovalId: await approvalOf('runkang-bio', '施工图审查'),
      applicant: '山西润康生物医药有限公司',
      mode: 'full_agency',
      step: 'materials_ready',
      agentUserId: agent,
      acceptedOn: overdueAccepted,
      dueOn: cal.addWorkdays(overdueAccepted, 5),
      materialsOn: cal.addWorkdays(overdueAccepted, 2),
      level: 'agent',
      levelSince: overdueAccepted,
      ownerUserId: agent,
    },
    {
      id: demoId('approval-case:fendong:hydrogen-eia'),
      zoneId,
      itemId: itemId('eia'),
      projectId: demoId('project:hydrogen-park'),
      applicant: '山西汾东氢能装备有限公司',
      mode: 'full_agency',
      step: 'accepted',
      agentUserId: agent,
      acceptedOn: freshAccepted,
      dueOn: cal.addWorkdays(freshAccepted, 10),
      level: 'agent',
      levelSince: freshAccepted,
      ownerUserId: agent,
    },
    {
      id: demoId('approval-case:fendong:storage-filing'),
      zoneId,
      itemId: itemId('construction'),
      projectId: demoId('project:storage-pack'),
      applicant: '山西储能时代科技有限公司',
      mode: 'full_agency',
      step: 'granted',
      agentUserId: agent,
      acceptedOn: grantedAccepted,
      dueOn: cal.addWorkdays(grantedAccepted, 2),
      materialsOn: grantedAccepted,
      filedOn: cal.addWorkdays(grantedAccepted, 1),
      grantedOn: cal.addWorkdays(grantedAccepted, 2),
      satisfaction: 5,
      level: 'agent',
      ownerUserId: agent,
    },
    {
      id: demoId('approval-case:fendong:quartz-promise'),
      zoneId,
      itemId: itemId('planning'),
      projectId: demoId('project:quartz-sand'),
      applicant: '山西晶石新材料有限公司',
      mode: 'promise',
      step: 'promised',
      agentUserId: service,
      acceptedOn: promised,
      promiseSignedOn: promised,
      inspectionDueOn: cal.addWorkdays(promised, 40),
      level: 'agent',
      levelSince: promised,
      ownerUserId: service,
    },
    {
      id: demoId('approval-case:fendong:cold-promise'),
      zoneId,
      itemId: itemId('land'),
      projectId: demoId('project:cold-chain'),
      applicant: '运城汾东冷链物流有限公司',
      mode: 'promise',
      step: 'inspected',
      agentUserId: service,
      acceptedOn: inspectedPromise,
      promiseSignedOn: inspectedPromise,
      inspectionDueOn: cal.addWorkdays(inspectedPromise, 60),
      inspectedOn: cal.addWorkdays(inspectedPromise, 55),
      inspectionResult: 'passed',
      satisfaction: 4,
      level: 'agent',
      ownerUserId: service,
    },
  ]);

  const hejin = demoId('zone:hejin');
  await tx
    .insert(delegatedItems)
    .values({ id: demoId('delegated-item:hejin'), zoneId: hejin, name: '企业投资项目备案', department: '河津市行政审批局', statutoryDays: 5, promisedDays: 1 });
  await tx.insert(approvalCases).values({
    id: demoId('approval-case:hejin'),
    zoneId: hejin,
    itemId: demoId('delegated-item:hejin'),
    applicant: '河津华鑫铝材有限公司',
    mode: 'full_agency',
    step: 'accepted',
    agentUserId: demoId('user:hejin'),
    acceptedOn: freshAccepted,
    dueOn: cal.addWorkdays(freshAccepted, 1),
    levelSince: freshAccepted,
    ownerUserId: demoId('user:hejin'),
  });
  return { items: demoItems.length + 1, cases: 6 };
}
