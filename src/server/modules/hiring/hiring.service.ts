/**
 * 揽才: enterprises' demand posts (filled never above the headcount, pay range in order), job fairs
 * (hires never above applicants) with the posts offered there, school partnerships (订单式培养), and
 * the totals ("岗位 N 个") per sector, enterprise and category, computed from the records.
 */
import type { z } from 'zod';
import type { FieldError, Locale } from '../../../contract/errors.ts';
import type {
  createFairBody,
  createPartnershipBody,
  createPostBody,
  listPostsQuery,
  updateFairBody,
  updatePartnershipBody,
  updatePostBody,
} from '../../../contract/services/hiring.ts';
import { postCategoryLabels } from '../../../contract/services/labels.ts';
import type { PostCategory } from '../../../contract/services/enums.ts';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound, throwIfAny } from '../../platform/errors.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { HiringRepository } from './hiring.repository.ts';

export interface HiringDeps {
  db: Db;
  repo: HiringRepository;
  audit: AuditWriter;
  clock: Clock;
}

const num = (v: unknown) => (v == null ? null : Number(v));
export function hiringSummaryText(f: { positions: number; enterprises: number; filled: number; fairs: number; hires: number }, locale: Locale) {
  return locale === 'en-US'
    ? `${f.positions} positions from ${f.enterprises} enterprises, ${f.filled} filled; ${f.fairs} job fairs, ${f.hires} hired`
    : `岗位 ${f.positions} 个（${f.enterprises} 家企业），已招 ${f.filled} 人；招聘会 ${f.fairs} 场，录用 ${f.hires} 人`;
}

export function createHiringService({ db, repo, audit, clock }: HiringDeps) {
  const today = () => chinaToday(clock);
  const requireZone = (s: SessionContext, zoneId: string) => {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
    if (!can(s, 'hiring.manage', zoneId)) throw new AppError('FORBIDDEN');
  };
  const loaded = <T extends { zoneId: string }>(s: SessionContext, row: T | undefined): T => {
    if (!row || !inScope(s, row.zoneId)) throw notFound();
    if (!can(s, 'hiring.manage', row.zoneId)) throw new AppError('FORBIDDEN');
    return row;
  };

  type PostListRow = Awaited<ReturnType<HiringRepository['listPosts']>>[number];
  const presentPost = (s: SessionContext, p: PostListRow) => ({
    id: p.id,
    zoneId: p.zoneId,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterprise_name,
    sector: p.sector,
    position: p.position,
    category: p.category,
    headcount: Number(p.headcount),
    filled: Number(p.filled),
    payMinYuan: num(p.payMinYuan),
    payMaxYuan: num(p.payMaxYuan),
    requirements: p.requirements,
    postedOn: p.postedOn,
    deadlineOn: p.deadlineOn,
    fairCount: Number(p.fair_count),
    version: Number(p.version),
    actions: actionsFor(s, 'hiringPost', p.zoneId),
  });
  type FairListRow = Awaited<ReturnType<HiringRepository['listFairs']>>[number];
  const presentFair = (s: SessionContext, f: FairListRow) => ({
    id: f.id,
    zoneId: f.zoneId,
    name: f.name,
    heldOn: f.heldOn,
    place: f.place,
    kind: f.kind,
    applicants: Number(f.applicants),
    hires: Number(f.hires),
    note: f.note,
    postIds: f.post_ids ?? [],
    enterprises: Number(f.enterprises),
    positionsOffered: Number(f.positions),
    version: Number(f.version),
    actions: actionsFor(s, 'hiringFair', f.zoneId),
  });
  type PartnershipListRow = Awaited<ReturnType<HiringRepository['listPartnerships']>>[number];
  const presentPartnership = (s: SessionContext, h: PartnershipListRow) => ({
    id: h.id,
    zoneId: h.zoneId,
    school: h.school,
    programme: h.programme,
    classSize: num(h.classSize),
    startsOn: h.startsOn,
    note: h.note,
    enterprises: h.enterprises ?? [],
    version: Number(h.version),
    actions: actionsFor(s, 'hiringPartnership', h.zoneId),
  });
  const onePost = async (s: SessionContext, id: string) => presentPost(s, (await repo.listPosts(db, s, { ids: [id] }))[0]);
  const oneFair = async (s: SessionContext, id: string) => presentFair(s, (await repo.listFairs(db, s, { ids: [id] }))[0]);
  const onePartnership = async (s: SessionContext, id: string) => presentPartnership(s, (await repo.listPartnerships(db, s, { ids: [id] }))[0]);

  function checkPost(v: {
    headcount: number;
    filled: number;
    payMinYuan: number | null;
    payMaxYuan: number | null;
    postedOn: string;
    deadlineOn: string | null;
  }) {
    const fields: FieldError[] = [];
    if (v.filled > v.headcount) fields.push({ field: 'filled', reason: 'filled_above_headcount' });
    if (v.payMinYuan != null && v.payMaxYuan != null && v.payMinYuan > v.payMaxYuan) fields.push({ field: 'payMinYuan', reason: 'pay_range' });
    if (v.deadlineOn && v.deadlineOn < v.postedOn) fields.push({ field: 'deadlineOn', reason: 'deadline_before_posted' });
    return fields;
  }
  async function checkFairPosts(zoneId: string, postIds: string[] | undefined) {
    if (!postIds?.length) return [];
    const known = new Set((await repo.postsOfZone(db, zoneId, postIds)).map((p) => p.id));
    return postIds.flatMap((id, i) => (known.has(id) ? [] : [{ field: `postIds.${i}`, reason: 'unknown_post' }]));
  }
  async function checkEnterprises(ids: string[] | undefined, field: string) {
    if (!ids?.length) return [];
    const known = await repo.enterprisesExist(db, ids);
    return ids.flatMap((id, i) => (known.has(id) ? [] : [{ field: `${field}.${i}`, reason: 'unknown_enterprise' }]));
  }

  return {
    today,
    zoneName: (zoneId: string) => repo.zoneName(db, zoneId),
    async recordInScope(s: SessionContext, kind: 'post' | 'fair' | 'partnership', id: string) {
      const row = kind === 'post' ? await repo.post(db, id) : kind === 'fair' ? await repo.fair(db, id) : await repo.partnership(db, id);
      return Boolean(row) && inScope(s, row!.zoneId);
    },

    async listPosts(s: SessionContext, q: z.infer<typeof listPostsQuery>) {
      return (await repo.listPosts(db, s, q)).map((p) => presentPost(s, p));
    },
    async createPost(s: SessionContext, body: z.infer<typeof createPostBody>, requestId: string) {
      requireZone(s, body.zoneId);
      const v = {
        ...body,
        filled: body.filled ?? 0,
        payMinYuan: body.payMinYuan ?? null,
        payMaxYuan: body.payMaxYuan ?? null,
        postedOn: body.postedOn ?? today(),
        deadlineOn: body.deadlineOn ?? null,
        requirements: body.requirements ?? null,
      };
      throwIfAny([...checkPost(v), ...(await checkEnterprises([body.enterpriseId], 'enterpriseId')).map((f) => ({ ...f, field: 'enterpriseId' }))]);
      const id = await db.transaction(async (tx) => {
        const p = await repo.insertPost(tx, v);
        await audit(tx, actorOf(s, requestId), { zoneId: p.zoneId, action: 'hiring.post.create', entityType: 'hiring_post', entityId: p.id, after: p });
        return p.id;
      });
      return onePost(s, id);
    },
    async updatePost(s: SessionContext, id: string, body: z.infer<typeof updatePostBody>, requestId: string) {
      const before = loaded(s, await repo.post(db, id));
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      const merged = {
        ...before,
        ...patch,
        payMinYuan: patch.payMinYuan !== undefined ? patch.payMinYuan : num(before.payMinYuan),
        payMaxYuan: patch.payMaxYuan !== undefined ? patch.payMaxYuan : num(before.payMaxYuan),
        deadlineOn: patch.deadlineOn !== undefined ? patch.deadlineOn : before.deadlineOn,
      };
      throwIfAny([
        ...checkPost(merged as never),
        ...(patch.enterpriseId ? (await checkEnterprises([patch.enterpriseId], 'enterpriseId')).map((f) => ({ ...f, field: 'enterpriseId' })) : []),
      ]);
      await db.transaction(async (tx) => {
        const after = await repo.updatePost(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'hiring.post.update', entityType: 'hiring_post', entityId: id, before, after });
      });
      return onePost(s, id);
    },

    async listFairs(s: SessionContext, q: { zoneId?: string }) {
      return (await repo.listFairs(db, s, q)).map((f) => presentFair(s, f));
    },
    async createFair(s: SessionContext, body: z.infer<typeof createFairBody>, requestId: string) {
      requireZone(s, body.zoneId);
      const applicants = body.applicants ?? 0;
      const hires = body.hires ?? 0;
      const fields: FieldError[] = hires > applicants ? [{ field: 'hires', reason: 'hires_above_applicants' }] : [];
      fields.push(...(await checkFairPosts(body.zoneId, body.postIds)));
      throwIfAny(fields);
      const id = await db.transaction(async (tx) => {
        const { postIds, ...values } = body;
        const f = await repo.insertFair(tx, { ...values, applicants, hires, place: body.place ?? null, note: body.note ?? null });
        await repo.setFairPosts(tx, f.zoneId, f.id, [...new Set(postIds ?? [])]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: f.zoneId,
          action: 'hiring.fair.create',
          entityType: 'hiring_fair',
          entityId: f.id,
          after: { ...f, postIds: postIds ?? [] },
        });
        return f.id;
      });
      return oneFair(s, id);
    },
    async updateFair(s: SessionContext, id: string, body: z.infer<typeof updateFairBody>, requestId: string) {
      const before = loaded(s, await repo.fair(db, id));
      assertVersion(before, body.version);
      const { version, postIds, ...patch } = body;
      const applicants = patch.applicants ?? before.applicants;
      const hires = patch.hires ?? before.hires;
      const fields: FieldError[] = hires > applicants ? [{ field: 'hires', reason: 'hires_above_applicants' }] : [];
      fields.push(...(await checkFairPosts(before.zoneId, postIds)));
      throwIfAny(fields);
      const beforePosts = await repo.fairPostIds(db, id);
      await db.transaction(async (tx) => {
        const after = await repo.updateFair(tx, id, version, patch);
        if (postIds) await repo.setFairPosts(tx, before.zoneId, id, [...new Set(postIds)]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'hiring.fair.update',
          entityType: 'hiring_fair',
          entityId: id,
          before: { ...before, postIds: beforePosts },
          after: { ...after, postIds: postIds ?? beforePosts },
        });
      });
      return oneFair(s, id);
    },

    async listPartnerships(s: SessionContext, q: { zoneId?: string }) {
      return (await repo.listPartnerships(db, s, q)).map((h) => presentPartnership(s, h));
    },
    async createPartnership(s: SessionContext, body: z.infer<typeof createPartnershipBody>, requestId: string) {
      requireZone(s, body.zoneId);
      if (await repo.partnershipByName(db, body.zoneId, body.school, body.programme)) throw fieldError('programme', 'partnership_exists', 'DUPLICATE');
      throwIfAny(await checkEnterprises(body.enterpriseIds, 'enterpriseIds'));
      const id = await db.transaction(async (tx) => {
        const { enterpriseIds, ...values } = body;
        const h = await repo.insertPartnership(tx, { ...values, classSize: body.classSize ?? null, startsOn: body.startsOn ?? null, note: body.note ?? null });
        await repo.setPartnershipEnterprises(tx, h.zoneId, h.id, [...new Set(enterpriseIds ?? [])]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: h.zoneId,
          action: 'hiring.partnership.create',
          entityType: 'hiring_partnership',
          entityId: h.id,
          after: { ...h, enterpriseIds: enterpriseIds ?? [] },
        });
        return h.id;
      });
      return onePartnership(s, id);
    },
    async updatePartnership(s: SessionContext, id: string, body: z.infer<typeof updatePartnershipBody>, requestId: string) {
      const before = loaded(s, await repo.partnership(db, id));
      assertVersion(before, body.version);
      const { version, enterpriseIds, ...patch } = body;
      if (
        (patch.school || patch.programme) &&
        (await repo.partnershipByName(db, before.zoneId, patch.school ?? before.school, patch.programme ?? before.programme, id))
      )
        throw fieldError('programme', 'partnership_exists', 'DUPLICATE');
      throwIfAny(await checkEnterprises(enterpriseIds, 'enterpriseIds'));
      const beforeEnterprises = await repo.partnershipEnterpriseIds(db, id);
      await db.transaction(async (tx) => {
        const after = await repo.updatePartnership(tx, id, version, patch);
        if (enterpriseIds) await repo.setPartnershipEnterprises(tx, before.zoneId, id, [...new Set(enterpriseIds)]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'hiring.partnership.update',
          entityType: 'hiring_partnership',
          entityId: id,
          before: { ...before, enterpriseIds: beforeEnterprises },
          after: { ...after, enterpriseIds: enterpriseIds ?? beforeEnterprises },
        });
      });
      return onePartnership(s, id);
    },

    async summary(s: SessionContext, q: { zoneId?: string }, locale: Locale) {
      const r = await repo.summary(db, s, q.zoneId);
      const byPositions = <T extends { positions: number; label: string }>(a: T[]) =>
        a.sort((x, y) => y.positions - x.positions || x.label.localeCompare(y.label));
      return {
        ...r,
        text: hiringSummaryText(r, locale),
        bySector: byPositions(r.bySector),
        byEnterprise: byPositions(r.byEnterprise),
        byCategory: byPositions(r.byCategory.map((c) => ({ ...c, label: postCategoryLabels[c.key as PostCategory]?.[locale === 'en-US' ? 1 : 0] ?? c.key }))),
      };
    },
    /** Posts still short of their headcount whose deadline falls within 14 days: the service officer's share of the 工作台. */
    async myWorklist(s: SessionContext) {
      if (!can(s, 'hiring.manage')) return [];
      const t = today();
      const soon = new Date(Date.parse(`${t}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      return (await repo.listPosts(db, s, {}))
        .filter((p) => p.deadlineOn && p.deadlineOn <= soon && p.deadlineOn >= t && Number(p.filled) < Number(p.headcount))
        .map((p) => ({
          kind: 'hiring_deadline' as const,
          id: p.id,
          zoneId: p.zoneId,
          title: `${p.enterprise_name} · ${p.position}`,
          detail: `${p.filled}/${p.headcount}`,
          dueOn: p.deadlineOn,
          overdue: false,
          link: '/hiring',
        }));
    },
    /** The posts for the demand list (all of the zone's, or those a fair offers). */
    exportPosts: async (s: SessionContext, q: { zoneId?: string; fairId?: string }) => (await repo.listPosts(db, s, q)).map((p) => presentPost(s, p)),
    fairName: async (s: SessionContext, fairId: string) => {
      const f = await repo.fair(db, fairId);
      if (!f || !inScope(s, f.zoneId)) throw fieldError('fairId', 'unknown_fair');
      return f.name;
    },
  };
}

export type HiringService = ReturnType<typeof createHiringService>;
