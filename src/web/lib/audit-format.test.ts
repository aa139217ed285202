import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../../contract/audit.ts';
import { actorLabel, auditChanges, describeAuditEntry, fieldLabel, formatAuditValue } from './audit-format';

const projectId = '11111111-1111-4111-8111-111111111111';
const officerId = '22222222-2222-4222-8222-222222222222';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  zoneId: null,
  actorId: officerId,
  actorName: '李婷',
  at: '2026-04-08T06:30:00.000Z',
  action: 'project.update',
  entityType: 'project',
  entityId: projectId,
  before: null,
  after: null,
  names: { [projectId]: '汾东新材料产业园项目', [officerId]: '李婷' },
  ...patch,
});

describe('audit entries as prose', () => {
  test('a project edit reads as one Chinese sentence', () => {
    const e = entry({
      before: { name: '汾东新材料产业园项目', totalInvestmentYuan: 120_000_000, stage: 'signed', version: 3, updatedAt: '2026-04-01T00:00:00Z' },
      after: { name: '汾东新材料产业园项目', totalInvestmentYuan: 140_000_000, stage: 'started', version: 4, updatedAt: '2026-04-08T00:00:00Z' },
    });
    expect(describeAuditEntry(e, 'zh-CN').sentence).toBe('李婷 修改了 项目「汾东新材料产业园项目」：总投资 由 1.2亿元 改为 1.4亿元；阶段 由 签约 改为 开工');
    expect(describeAuditEntry(e, 'en-US').sentence).toBe(
      '李婷 updated project “汾东新材料产业园项目”: Total investment from CNY 120M to CNY 140M; Stage from Signed to Started',
    );
  });

  test('milestones read as a list diff named by their names, never [object Object]', () => {
    const e = entry({
      action: 'project.milestones',
      before: {
        milestones: [
          { name: '土地摘牌', plannedOn: '2026-03-01', actualOn: null },
          { name: '施工许可', plannedOn: '2026-05-01', actualOn: null },
        ],
      },
      after: {
        milestones: [
          { name: '土地摘牌', plannedOn: '2026-03-01', actualOn: '2026-03-05' },
          { name: '开工仪式', plannedOn: '2026-06-01', actualOn: null },
        ],
      },
    });
    const { sentence } = describeAuditEntry(e, 'zh-CN');
    expect(sentence).toBe(
      '李婷 更新了 项目「汾东新材料产业园项目」的里程碑：「土地摘牌」完成日期 设为 2026年3月5日、新增「开工仪式」（计划日期 2026年6月1日）、删除「施工许可」',
    );
    expect(sentence).not.toContain('object');
  });

  test('values: money in 万元/亿元, enums, dates, booleans, people by name', () => {
    const ctx = { entityType: 'blocker', locale: 'zh-CN' as const, names: { [officerId]: '李婷' } };
    expect(formatAuditValue('plannedInvestmentYuan', 32_000_000, ctx)).toBe('3,200万元');
    expect(formatAuditValue('level', 'main_leader', ctx)).toBe('主要领导');
    expect(formatAuditValue('status', 'resolved', ctx)).toBe('已销号');
    expect(formatAuditValue('deadlineOn', '2026-04-30', ctx)).toBe('2026年4月30日');
    expect(formatAuditValue('confirmed', true, ctx)).toBe('是');
    expect(formatAuditValue('ownerUserId', officerId, ctx)).toBe('李婷');
    expect(formatAuditValue('role', 'zone_leader', { ...ctx, entityType: 'user' })).toMatch(/\S/);
    expect(formatAuditValue('items', [{ a: 1 }, { b: 2 }], ctx)).toBe('2 项');
    expect(formatAuditValue('kept', { name: '华晟光伏', creditCode: 'X' }, ctx)).toBe('华晟光伏');
    expect(formatAuditValue('something', { count: 3, note: '说明' }, ctx)).toBe('Count 3，备注 说明');
  });

  test('field labels: per record type, shared, and a humanised fallback for unknown fields', () => {
    expect(fieldLabel('project', 'name', 'zh-CN')).toBe('项目名称');
    expect(fieldLabel('progress_report', 'periodEnd', 'zh-CN')).toBe('周期结束');
    expect(fieldLabel('project', 'photoId', 'zh-CN')).toBe('照片');
    expect(fieldLabel('project', 'brandNewFieldYuan', 'zh-CN')).toBe('Brand new field');
  });

  test('the server reads as 系统; an unknown action still makes a sentence', () => {
    expect(actorLabel({ actorId: null, actorName: 'system' }, 'zh-CN')).toBe('系统');
    expect(actorLabel({ actorId: null, actorName: 'system' }, 'en-US')).toBe('System');
    const e = entry({
      actorId: null,
      actorName: 'system',
      action: 'widget.frobnicate',
      entityType: 'widget',
      entityId: 'w1',
      names: {},
      after: { weird: [1, 2] },
    });
    expect(describeAuditEntry(e, 'zh-CN').sentence).toBe('系统 Widget frobnicate widget：Weird 1、2');
  });

  test('a creation names a few fields, leaves out empty ones and bookkeeping', () => {
    const e = entry({
      action: 'blocker.create',
      entityType: 'blocker',
      names: { [officerId]: '李婷' },
      after: {
        id: 'x',
        title: '用电增容',
        level: 'task_force',
        status: 'open',
        description: null,
        ownerUserId: officerId,
        deadlineOn: '2026-05-01',
        version: 1,
      },
    });
    const d = describeAuditEntry(e, 'zh-CN');
    expect(d.sentence).toBe('李婷 新增了 堵点「用电增容」：协调层级 专班；状态 待解决；责任人 李婷；等 1 项');
    expect(d.changes.map((c) => c.field)).toEqual(['title', 'level', 'status', 'ownerUserId', 'deadlineOn']);
  });

  test('a deletion shows what was there; a top-level list (agenda order) still reads', () => {
    const del = entry({
      action: 'calendar.delete',
      entityType: 'calendar_day',
      entityId: '2026-10-01',
      names: {},
      before: { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
    });
    expect(describeAuditEntry(del, 'zh-CN').sentence).toBe('李婷 删除了 日历日「国庆节」：日期 2026年10月1日；类型 法定节假日');
    const order = entry({
      action: 'meeting.agenda_order',
      entityType: 'meeting',
      names: {},
      before: [
        { id: 'a', title: '议题一' },
        { id: 'b', title: '议题二' },
      ],
      after: [
        { id: 'b', title: '议题二', annotation: '先议' },
        { id: 'a', title: '议题一' },
      ],
    });
    expect(auditChanges(order, 'zh-CN')[0].text).toBe('议题：「议题二」批注 设为 先议');
  });
});
