/**
 * 银企对接 (finance matchmaking): financial institutions and their products, enterprises' financing
 * needs, 银企对接会, referrals of a need to an institution and their outcome (a loan granted, never above
 * the need, or declined), and the quarterly summary computed from the records.
 */
import type { z } from 'zod';
import type { FieldError, Locale } from '../../../contract/errors.ts';
import { formatMoney, fromYuan } from '../../../contract/money.ts';
import { addDays } from '../../../contract/periods.ts';
import type { InstitutionKind } from '../../../contract/services/enums.ts';
import type {
  createEventBody,
  createInstitutionBody,
  createNeedBody,
  createProductBody,
  createReferralBody,
  financeSummaryQuery,
  listNeedsQuery,
  listReferralsQuery,
  updateEventBody,
  updateInstitutionBody,
  updateNeedBody,
  updateProductBody,
  updateReferralBody,
} from '../../../contract/services/finance.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound, throwIfAny } from '../../platform/errors.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { FinanceRepository, NeedRow } from './finance.repository.ts';

export interface FinanceDeps {
  db: Db;
  repo: FinanceRepository;
  audit: AuditWriter;
  clock: Clock;
}

const num = (v: unknown) => (v == null ? null : Number(v));
const wan = (yuan: number) => fromYuan(yuan, 'wan');
/** The audit entry's words for each record kind (written as `action:` / `entityType:` literals, which the audit-label check reads). */
const audited = {
  institution: { create: { action: 'finance.institution.create', entityType: 'finance_institution' }, update: { action: 'finance.institution.update', entityType: 'finance_institution' } },
  product: { create: { action: 'finance.product.create', entityType: 'finance_product' }, update: { action: 'finance.product.update', entityType: 'finance_product' } },
  need: { create: { action: 'finance.need.create', entityType: 'finance_need' }, update: { action: 'finance.need.update', entityType: 'finance_need' } },
  event: { create: { action: 'finance.event.create', entityType: 'finance_event' }, update: { action: 'finance.event.update', entityType: 'finance_event' } },
  referral: { create: { action: 'finance.referral.create', entityType: 'finance_referral' }, update: { action: 'finance.referral.update', entityType: 'finance_referral' } },
} as const;
type RecordKind = keyof typeof audited;

// ---- quarters (季度): pure, so the web and tests can name them the same way
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}
const pad = (n: number) => String(n).padStart(2, '0');
export const quarterOf = (day: string): Quarter => ({ year: Number(day.slice(0, 4)), q: (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as Quarter['q'] });
export const quarterKey = ({ year, q }: Quarter) => `${year}Q${q}`;
export const quarterStart = ({ year, q }: Quarter) => `${year}-${pad((q - 1) * 3 + 1)}-01`;
export const quarterEnd = ({ year, q }: Quarter) => addDays(q === 4 ? `${year + 1}-01-01` : `${year}-${pad(q * 3 + 1)}-01`, -1);
export const previousQuarter = ({ year, q }: Quarter): Quarter => (q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] });
export function quarterLabel({ year, q }: Quarter, locale: Locale) {
  return locale === 'en-US' ? `Q${q} ${year}` : `${year}年第${'一二三四'[q - 1]}季度`;
}

interface Figures {
  events: number;
  needs: number;
  needYuan: number;
  referrals: number;
  granted: number;
  grantedYuan: number;
  declined: number;
}
/** "对接会 2 场，融资需求 3 笔 3800 万元，推荐对接 4 次，放款 2 笔 1500 万元" from the figures. */
export function quarterText(f: Figures, locale: Locale) {
  return locale === 'en-US'
    ? `${f.events} events, ${f.needs} needs (${formatMoney(f.needYuan, 'en-US')}), ${f.referrals} referrals, ${f.granted} loans (${formatMoney(f.grantedYuan, 'en-US')})`
    : `对接会 ${f.events} 场，融资需求 ${f.needs} 笔 ${wan(f.needYuan)} 万元，推荐对接 ${f.referrals} 次，放款 ${f.granted} 笔 ${wan(f.grantedYuan)} 万元`;
}

export function createFinanceService({ db, repo, audit, clock }: FinanceDeps) {
  const today = () => chinaToday(clock);
  const requireZone = (s: SessionContext, permission: Permission, zoneId: string) => {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  };
  const requireOwnZone = (s: SessionContext, zoneId: string) => {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
  };
  function inZone<T extends { zoneId: string }>(s: SessionContext, row: T | undefined): T {
    if (!row || !inScope(s, row.zoneId)) throw notFound();
    return row;
  }
  /** A new record goes to a zone of the caller's that they manage. */
  const mayCreate = (s: SessionContext, zoneId: string) => {
    requireOwnZone(s, zoneId);
    requireZone(s, 'finance.manage', zoneId);
  };
  /** The record as read: in the caller's zones (else 404), one they manage, at the version they name. */
  function editable<T extends { zoneId: string; version: number }>(s: SessionContext, row: T | undefined, version: number): T {
    const before = inZone(s, row);
    requireZone(s, 'finance.manage', before.zoneId);
    assertVersion(before, version);
    return before;
  }
  type Then = (tx: DbOrTx, actor: Actor) => Promise<void>;
  /** Inserts a record and its audit entry in one transaction (then what follows from it, in the same); its id. */
  async function created<R extends { id: string; zoneId: string }>(s: SessionContext, requestId: string, kind: RecordKind, insert: (tx: DbOrTx) => Promise<R>, then?: Then) {
    const actor = actorOf(s, requestId);
    return db.transaction(async (tx) => {
      const row = await insert(tx);
      await audit(tx, actor, { zoneId: row.zoneId, ...audited[kind].create, entityId: row.id, after: row });
      await then?.(tx, actor);
      return row.id;
    });
  }
  /** Writes a change and its audit entry (before and after) in one transaction, then what follows from it. */
  async function updated(s: SessionContext, requestId: string, kind: RecordKind, id: string, before: { zoneId: string }, write: (tx: DbOrTx) => Promise<unknown>, then?: Then) {
    const actor = actorOf(s, requestId);
    await db.transaction(async (tx) => {
      const after = await write(tx);
      await audit(tx, actor, { zoneId: before.zoneId, ...audited[kind].update, entityId: id, before, after });
      await then?.(tx, actor);
    });
  }

  // ---- presenters
  type InstitutionListRow = Awaited<ReturnType<FinanceRepository['listInstitutions']>>[number];
  const presentInstitution = (s: SessionContext, i: InstitutionListRow) => ({
    id: i.id,
    zoneId: i.zoneId,
    name: i.name,
    kind: i.kind,
    contact: i.contact,
    productCount: Number(i.product_count),
    referralCount: Number(i.referral_count),
    grantedCount: Number(i.granted_count),
    grantedYuan: Number(i.granted_yuan),
    version: Number(i.version),
    actions: actionsFor(s, 'financeInstitution', i.zoneId),
  });
  type ProductListRow = Awaited<ReturnType<FinanceRepository['listProducts']>>[number];
  const presentProduct = (s: SessionContext, p: ProductListRow) => ({
    id: p.id,
    zoneId: p.zoneId,
    institutionId: p.institutionId,
    institutionName: p.institution_name,
    name: p.name,
    maxAmountYuan: num(p.maxAmountYuan),
    termMonths: num(p.termMonths),
    rate: p.rate,
    collateral: p.collateral,
    version: Number(p.version),
    actions: actionsFor(s, 'financeProduct', p.zoneId),
  });
  type NeedListRow = Awaited<ReturnType<FinanceRepository['listNeeds']>>[number];
  const presentNeed = (s: SessionContext, d: NeedListRow) => ({
    id: d.id,
    zoneId: d.zoneId,
    enterpriseId: d.enterpriseId,
    enterpriseName: d.enterprise_name,
    amountYuan: Number(d.amountYuan),
    purpose: d.purpose,
    termMonths: num(d.termMonths),
    collateral: d.collateral,
    raisedOn: d.raisedOn,
    status: d.status,
    note: d.note,
    referralCount: Number(d.referral_count),
    grantedYuan: Number(d.granted_yuan),
    version: Number(d.version),
    // A closed need takes no referral; it can still be edited (and reopened).
    actions: actionsFor(s, 'financeNeed', d.zoneId).filter((a) => a !== 'refer' || d.status !== 'closed'),
  });
  type EventListRow = Awaited<ReturnType<FinanceRepository['listEvents']>>[number];
  const presentEvent = (s: SessionContext, v: EventListRow) => ({
    id: v.id,
    zoneId: v.zoneId,
    name: v.name,
    heldOn: v.heldOn,
    place: v.place,
    note: v.note,
    referralCount: Number(v.referral_count),
    enterpriseCount: Number(v.enterprise_count),
    institutionCount: Number(v.institution_count),
    grantedYuan: Number(v.granted_yuan),
    version: Number(v.version),
    actions: actionsFor(s, 'financeEvent', v.zoneId),
  });
  type ReferralListRow = Awaited<ReturnType<FinanceRepository['listReferrals']>>[number];
  const presentReferral = (s: SessionContext, r: ReferralListRow) => ({
    id: r.id,
    zoneId: r.zoneId,
    needId: r.needId,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    needAmountYuan: Number(r.need_amount_yuan),
    purpose: r.purpose,
    institutionId: r.institutionId,
    institutionName: r.institution_name,
    productId: r.productId,
    productName: r.product_name,
    eventId: r.eventId,
    eventName: r.event_name,
    referredOn: r.referredOn,
    outcome: r.outcome,
    grantedYuan: num(r.grantedYuan),
    grantedOn: r.grantedOn,
    note: r.note,
    version: Number(r.version),
    actions: actionsFor(s, 'financeReferral', r.zoneId),
  });

  const oneInstitution = async (s: SessionContext, id: string) => presentInstitution(s, (await repo.listInstitutions(db, s, { ids: [id] }))[0]);
  const oneProduct = async (s: SessionContext, id: string) => presentProduct(s, (await repo.listProducts(db, s, { ids: [id] }))[0]);
  const oneNeed = async (s: SessionContext, id: string) => presentNeed(s, (await repo.listNeeds(db, s, { ids: [id] }))[0]);
  const oneEvent = async (s: SessionContext, id: string) => presentEvent(s, (await repo.listEvents(db, s, { ids: [id] }))[0]);
  const oneReferral = async (s: SessionContext, id: string) => presentReferral(s, (await repo.listReferrals(db, s, { ids: [id] }))[0]);

  // ---- rules shared by create and update
  async function checkInstitutionName(zoneId: string, name: string | undefined, exceptId?: string) {
    if (name && (await repo.institutionByName(db, zoneId, name, exceptId))) throw fieldError('name', 'institution_exists', 'DUPLICATE');
  }
  async function institutionOfZone(d: DbOrTx, zoneId: string, id: string | undefined, fields: FieldError[]) {
    if (!id) return;
    const i = await repo.institution(d, id);
    if (!i || i.zoneId !== zoneId) fields.push({ field: 'institutionId', reason: 'unknown_institution' });
  }
  async function productOfInstitution(d: DbOrTx, institutionId: string, id: string | null | undefined, fields: FieldError[]) {
    if (!id) return;
    const p = await repo.product(d, id);
    if (!p || p.institutionId !== institutionId) fields.push({ field: 'productId', reason: 'unknown_product' });
  }
  async function eventOfZone(d: DbOrTx, zoneId: string, id: string | null | undefined, fields: FieldError[]) {
    if (!id) return;
    const v = await repo.event(d, id);
    if (!v || v.zoneId !== zoneId) fields.push({ field: 'eventId', reason: 'unknown_event' });
  }

  /** The need follows its referrals (unless closed by hand): 已放款, 已推荐 or 待对接; audited when it changes. */
  async function followReferrals(tx: DbOrTx, need: NeedRow, actor: Actor) {
    if (need.status === 'closed') return;
    const status = await repo.statusFromReferrals(tx, need.id);
    if (status === need.status) return;
    const after = await repo.setNeedStatus(tx, need.id, status);
    await audit(tx, actor, { zoneId: need.zoneId, ...audited.need.update, entityId: need.id, before: need, after });
  }

  // ---- the quarterly summary
  async function summary(s: SessionContext, q: z.infer<typeof financeSummaryQuery>, locale: Locale) {
    const last: Quarter = q.year ? { year: q.year, q: 4 } : quarterOf(today());
    const quarters: Quarter[] = [last];
    while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]));
    const from = quarterStart(quarters[0]);
    const to = quarterEnd(last);
    const [raw, standing] = await Promise.all([repo.quarterFigures(db, s, { zoneId: q.zoneId, from, to }), repo.standing(db, s, { zoneId: q.zoneId, from, to })]);
    const figuresOf = (key: string): Figures => {
      const get = (what: string) => raw.find((r) => r.quarter === key && r.what === what);
      return {
        events: get('events')?.n ?? 0,
        needs: get('needs')?.n ?? 0,
        needYuan: get('needs')?.yuan ?? 0,
        referrals: get('referrals')?.n ?? 0,
        granted: get('granted')?.n ?? 0,
        grantedYuan: get('granted')?.yuan ?? 0,
        declined: get('declined')?.n ?? 0,
      };
    };
    const rows = quarters.map((quarter) => {
      const f = figuresOf(quarterKey(quarter));
      return { quarter: quarterKey(quarter), label: quarterLabel(quarter, locale), from: quarterStart(quarter), to: quarterEnd(quarter), text: quarterText(f, locale), ...f };
    });
    const keys = ['events', 'needs', 'needYuan', 'referrals', 'granted', 'grantedYuan', 'declined'] as const;
    const total = Object.fromEntries(keys.map((k) => [k, rows.reduce((sum, r) => sum + r[k], 0)])) as unknown as Figures;
    const latest = rows[rows.length - 1];
    return {
      quarters: rows,
      total,
      text: `${latest.label}${locale === 'en-US' ? ': ' : '：'}${latest.text}`,
      totalText: `${q.year ? (locale === 'en-US' ? String(q.year) : `${q.year}年`) : locale === 'en-US' ? 'Last four quarters' : '近四个季度'}${locale === 'en-US' ? ': ' : '：'}${quarterText(total, locale)}`,
      pending: standing.pending,
      openNeeds: standing.openNeeds,
      byInstitution: standing.byInstitution
        .map((b) => ({ ...b, kind: b.kind as InstitutionKind }))
        .sort((a, b) => b.grantedYuan - a.grantedYuan || b.referrals - a.referrals || a.name.localeCompare(b.name)),
    };
  }

  return {
    today,
    zoneName: (zoneId: string) => repo.zoneName(db, zoneId),
    /** The record check of the routes: the record lies within the caller's zones. */
    async recordInScope(s: SessionContext, kind: 'institution' | 'product' | 'need' | 'event' | 'referral', id: string) {
      const row = await { institution: repo.institution, product: repo.product, need: repo.need, event: repo.event, referral: repo.referral }[kind](db, id);
      return Boolean(row) && inScope(s, row!.zoneId);
    },

    // ---- institutions and products
    async listInstitutions(s: SessionContext, q: { zoneId?: string }) {
      return (await repo.listInstitutions(db, s, q)).map((i) => presentInstitution(s, i));
    },
    async createInstitution(s: SessionContext, body: z.infer<typeof createInstitutionBody>, requestId: string) {
      mayCreate(s, body.zoneId);
      await checkInstitutionName(body.zoneId, body.name);
      const id = await created(s, requestId, 'institution', (tx) => repo.insertInstitution(tx, { ...body, contact: body.contact ?? null }));
      return oneInstitution(s, id);
    },
    async updateInstitution(s: SessionContext, id: string, body: z.infer<typeof updateInstitutionBody>, requestId: string) {
      const before = editable(s, await repo.institution(db, id), body.version);
      await checkInstitutionName(before.zoneId, body.name, id);
      const { version, ...patch } = body;
      await updated(s, requestId, 'institution', id, before, (tx) => repo.updateInstitution(tx, id, version, patch));
      return oneInstitution(s, id);
    },
    async listProducts(s: SessionContext, q: { zoneId?: string; institutionId?: string }) {
      return (await repo.listProducts(db, s, q)).map((p) => presentProduct(s, p));
    },
    async createProduct(s: SessionContext, body: z.infer<typeof createProductBody>, requestId: string) {
      mayCreate(s, body.zoneId);
      const fields: FieldError[] = [];
      await institutionOfZone(db, body.zoneId, body.institutionId, fields);
      throwIfAny(fields);
      const { maxAmountWan, ...rest } = body;
      const id = await created(s, requestId, 'product', (tx) =>
        repo.insertProduct(tx, { ...rest, maxAmountYuan: maxAmountWan ?? null, termMonths: body.termMonths ?? null, rate: body.rate ?? null, collateral: body.collateral ?? null }),
      );
      return oneProduct(s, id);
    },
    async updateProduct(s: SessionContext, id: string, body: z.infer<typeof updateProductBody>, requestId: string) {
      const before = editable(s, await repo.product(db, id), body.version);
      const fields: FieldError[] = [];
      await institutionOfZone(db, before.zoneId, body.institutionId, fields);
      throwIfAny(fields);
      const { version, maxAmountWan, ...rest } = body;
      await updated(s, requestId, 'product', id, before, (tx) =>
        repo.updateProduct(tx, id, version, { ...rest, ...(maxAmountWan !== undefined ? { maxAmountYuan: maxAmountWan } : {}) }),
      );
      return oneProduct(s, id);
    },

    // ---- needs
    async listNeeds(s: SessionContext, q: z.infer<typeof listNeedsQuery>) {
      return (await repo.listNeeds(db, s, q)).map((d) => presentNeed(s, d));
    },
    async createNeed(s: SessionContext, body: z.infer<typeof createNeedBody>, requestId: string) {
      mayCreate(s, body.zoneId);
      const t = today();
      const fields: FieldError[] = [];
      if (!(await repo.enterpriseExists(db, body.enterpriseId))) fields.push({ field: 'enterpriseId', reason: 'unknown_enterprise' });
      if (body.raisedOn && body.raisedOn > t) fields.push({ field: 'raisedOn', reason: 'date_in_future' });
      if (body.amountWan <= 0) fields.push({ field: 'amountWan', reason: 'granted_amount_required' });
      throwIfAny(fields);
      const { amountWan, ...rest } = body;
      const id = await created(s, requestId, 'need', (tx) =>
        repo.insertNeed(tx, {
          ...rest,
          amountYuan: amountWan,
          termMonths: body.termMonths ?? null,
          collateral: body.collateral ?? null,
          note: body.note ?? null,
          raisedOn: body.raisedOn ?? t,
        }),
      );
      return oneNeed(s, id);
    },
    async updateNeed(s: SessionContext, id: string, body: z.infer<typeof updateNeedBody>, requestId: string) {
      const before = editable(s, await repo.need(db, id), body.version);
      const fields: FieldError[] = [];
      if (body.enterpriseId && !(await repo.enterpriseExists(db, body.enterpriseId))) fields.push({ field: 'enterpriseId', reason: 'unknown_enterprise' });
      if (body.raisedOn && body.raisedOn > today()) fields.push({ field: 'raisedOn', reason: 'date_in_future' });
      throwIfAny(fields);
      const { version, amountWan, closed, ...rest } = body;
      await updated(s, requestId, 'need', id, before, async (tx) => {
        const status = closed === true ? 'closed' : closed === false && before.status === 'closed' ? await repo.statusFromReferrals(tx, id) : undefined;
        return repo.updateNeed(tx, id, version, { ...rest, ...(amountWan !== undefined ? { amountYuan: amountWan } : {}), ...(status ? { status } : {}) });
      });
      return oneNeed(s, id);
    },

    // ---- events
    async listEvents(s: SessionContext, q: { zoneId?: string; year?: number }) {
      return (await repo.listEvents(db, s, q)).map((v) => presentEvent(s, v));
    },
    async createEvent(s: SessionContext, body: z.infer<typeof createEventBody>, requestId: string) {
      mayCreate(s, body.zoneId);
      const id = await created(s, requestId, 'event', (tx) => repo.insertEvent(tx, { ...body, place: body.place ?? null, note: body.note ?? null }));
      return oneEvent(s, id);
    },
    async updateEvent(s: SessionContext, id: string, body: z.infer<typeof updateEventBody>, requestId: string) {
      const before = editable(s, await repo.event(db, id), body.version);
      const { version, ...patch } = body;
      await updated(s, requestId, 'event', id, before, (tx) => repo.updateEvent(tx, id, version, patch));
      return oneEvent(s, id);
    },

    // ---- referrals
    async listReferrals(s: SessionContext, q: z.infer<typeof listReferralsQuery>) {
      return (await repo.listReferrals(db, s, q)).map((r) => presentReferral(s, r));
    },
    async createReferral(s: SessionContext, body: z.infer<typeof createReferralBody>, requestId: string) {
      const need = await repo.need(db, body.needId);
      if (!need || !inScope(s, need.zoneId)) throw fieldError('needId', 'unknown_need');
      requireZone(s, 'finance.manage', need.zoneId);
      const t = today();
      const referredOn = body.referredOn ?? t;
      const fields: FieldError[] = [];
      if (need.status === 'closed') fields.push({ field: 'needId', reason: 'need_closed' });
      await institutionOfZone(db, need.zoneId, body.institutionId, fields);
      await productOfInstitution(db, body.institutionId, body.productId, fields);
      await eventOfZone(db, need.zoneId, body.eventId, fields);
      if (referredOn > t) fields.push({ field: 'referredOn', reason: 'date_in_future' });
      else if (referredOn < need.raisedOn) fields.push({ field: 'referredOn', reason: 'referred_before_raised' });
      throwIfAny(fields);
      if (await repo.referralExists(db, need.zoneId, need.id, body.institutionId)) throw fieldError('institutionId', 'referral_exists', 'DUPLICATE');
      const id = await created(
        s,
        requestId,
        'referral',
        (tx) =>
          repo.insertReferral(tx, {
            zoneId: need.zoneId,
            needId: need.id,
            institutionId: body.institutionId,
            productId: body.productId ?? null,
            eventId: body.eventId ?? null,
            referredOn,
            note: body.note ?? null,
          }),
        (tx, actor) => followReferrals(tx, need, actor),
      );
      return oneReferral(s, id);
    },
    async updateReferral(s: SessionContext, id: string, body: z.infer<typeof updateReferralBody>, requestId: string) {
      const before = editable(s, await repo.referral(db, id), body.version);
      const need = (await repo.need(db, before.needId))!;
      const t = today();
      const fields: FieldError[] = [];
      const outcome = body.outcome ?? before.outcome;
      const patch: Record<string, unknown> = {};
      if (body.outcome) patch.outcome = body.outcome;
      if (outcome === 'granted') {
        const granted = body.grantedWan !== undefined ? body.grantedWan : num(before.grantedYuan);
        const grantedOn = (body.grantedOn !== undefined ? body.grantedOn : before.grantedOn) ?? t;
        if (!granted) fields.push({ field: 'grantedWan', reason: 'granted_amount_required' });
        else if (granted > Number(need.amountYuan)) fields.push({ field: 'grantedWan', reason: 'granted_above_need' });
        if (grantedOn > t) fields.push({ field: 'grantedOn', reason: 'date_in_future' });
        else if (grantedOn < before.referredOn) fields.push({ field: 'grantedOn', reason: 'granted_before_referred' });
        Object.assign(patch, { grantedYuan: granted, grantedOn });
      } else {
        // Only a loan granted carries an amount; going back to 跟进中 or 未获批 clears it.
        if (body.grantedWan != null) fields.push({ field: 'grantedWan', reason: 'granted_only_when_granted' });
        if (body.grantedOn != null) fields.push({ field: 'grantedOn', reason: 'granted_only_when_granted' });
        Object.assign(patch, { grantedYuan: null, grantedOn: null });
      }
      await productOfInstitution(db, before.institutionId, body.productId, fields);
      await eventOfZone(db, before.zoneId, body.eventId, fields);
      throwIfAny(fields);
      if (body.productId !== undefined) patch.productId = body.productId;
      if (body.eventId !== undefined) patch.eventId = body.eventId;
      if (body.note !== undefined) patch.note = body.note;
      await updated(
        s,
        requestId,
        'referral',
        id,
        before,
        (tx) => repo.updateReferral(tx, id, body.version, patch),
        async (tx, actor) => followReferrals(tx, (await repo.need(tx, need.id))!, actor),
      );
      return oneReferral(s, id);
    },

    // ---- summary and export
    summary,
    /** Rows of the export (the xlsx is written in finance.export.ts). */
    async exportData(s: SessionContext, q: z.infer<typeof financeSummaryQuery>) {
      const sum = await summary(s, q, 'zh-CN');
      const from = sum.quarters[0].from;
      const to = sum.quarters[sum.quarters.length - 1].to;
      const within = (d: string | null) => d != null && d >= from && d <= to;
      const [needs, referrals, events, institutions, products] = await Promise.all([
        repo.listNeeds(db, s, { zoneId: q.zoneId }),
        repo.listReferrals(db, s, { zoneId: q.zoneId }),
        repo.listEvents(db, s, { zoneId: q.zoneId }),
        repo.listInstitutions(db, s, { zoneId: q.zoneId }),
        repo.listProducts(db, s, { zoneId: q.zoneId }),
      ]);
      return {
        summary: sum,
        // The period's records; needs and referrals still open are listed whenever raised.
        needs: needs.map((d) => presentNeed(s, d)).filter((d) => within(d.raisedOn) || d.status === 'open' || d.status === 'referred'),
        referrals: referrals.map((r) => presentReferral(s, r)).filter((r) => within(r.referredOn) || within(r.grantedOn) || r.outcome === 'pending'),
        events: events.map((v) => presentEvent(s, v)).filter((v) => within(v.heldOn)),
        institutions: institutions.map((i) => presentInstitution(s, i)),
        products: products.map((p) => presentProduct(s, p)),
      };
    },
  };
}

export type FinanceService = ReturnType<typeof createFinanceService>;
