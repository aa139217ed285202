/**
 * 向上争取资金: programmes (with their application window), the project reserve and the programmes each
 * entry fits, applications moving 谋划 → 申报 → 评审 → 下达 → 拨付 (granted never above asked), 对接记录,
 * deadline reminders through notifications, and the summary "储备 N 个，申报 N 个，对接 N 次，争取资金 N
 * 万元" computed from the records.
 */
import type { z } from 'zod';
import type { Locale } from '../../../contract/errors.ts';
import type { FieldError } from '../../../contract/errors.ts';
import { formatMoney, fromYuan } from '../../../contract/money.ts';
import { addDays } from '../../../contract/periods.ts';
import { applicationStatuses, type ApplicationStatus } from '../../../contract/services/enums.ts';
import type {
  createApplicationBody,
  createContactBody,
  createProgrammeBody,
  createReserveBody,
  fundingSummaryQuery,
  listApplicationsQuery,
  listContactsQuery,
  listProgrammesQuery,
  updateApplicationBody,
  updateContactBody,
  updateProgrammeBody,
  updateReserveBody,
} from '../../../contract/services/funding.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, systemActor, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound, throwIfAny } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { actionsFor, can, inScope, type Permission } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import './funding.notifications.ts';
import type { FundingRepository, SummaryFilter } from './funding.repository.ts';

export interface FundingDeps {
  db: Db;
  repo: FundingRepository;
  audit: AuditWriter;
  clock: Clock;
}

const num = (v: unknown) => (v == null ? null : Number(v));
const wan = (yuan: number) => fromYuan(yuan, 'wan');

/** "储备 12 个，申报 5 个，对接 20 次，争取资金 3200 万元" from the figures. */
export function summaryText(f: { reserve: number; applied: number; contacts: number; grantedYuan: number }, locale: Locale): string {
  return locale === 'en-US'
    ? `Reserve ${f.reserve}, applied ${f.applied}, contacts ${f.contacts}, funds secured ${formatMoney(f.grantedYuan, 'en-US')}`
    : `储备 ${f.reserve} 个，申报 ${f.applied} 个，对接 ${f.contacts} 次，争取资金 ${wan(f.grantedYuan)} 万元`;
}

export function createFundingService({ db, repo, audit, clock }: FundingDeps) {
  const today = () => chinaToday(clock);
  const requireZone = (s: SessionContext, permission: Permission, zoneId: string) => {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  };
  const requireOwnZone = (s: SessionContext, zoneId: string) => {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
  };
  async function inZone<T extends { zoneId: string }>(s: SessionContext, row: T | undefined): Promise<T> {
    if (!row || !inScope(s, row.zoneId)) throw notFound();
    return row;
  }

  // ---- presenters
  type ProgrammeListRow = Awaited<ReturnType<FundingRepository['listProgrammes']>>[number];
  const presentProgramme = (s: SessionContext, p: ProgrammeListRow) => ({
    id: p.id,
    zoneId: p.zoneId,
    year: Number(p.year),
    level: p.level,
    kind: p.kind,
    department: p.department,
    name: p.name,
    policyDocument: p.policyDocument,
    opensOn: p.opensOn,
    deadlineOn: p.deadlineOn,
    conditions: p.conditions,
    typicalAmountYuan: num(p.typicalAmountYuan),
    remindDays: Number(p.remindDays),
    reserveCount: Number(p.reserve_count),
    applicationCount: Number(p.application_count),
    version: Number(p.version),
    actions: actionsFor(s, 'fundingProgramme', p.zoneId),
  });
  type ReserveListRow = Awaited<ReturnType<FundingRepository['listReserve']>>[number];
  const presentReserve = (s: SessionContext, r: ReserveListRow) => ({
    id: r.id,
    zoneId: r.zoneId,
    projectId: r.projectId,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterprise_name,
    name: r.name,
    totalInvestmentYuan: num(r.totalInvestmentYuan),
    preliminaryDone: r.preliminaryDone,
    feasibilityDone: r.feasibilityDone,
    reportDone: r.reportDone,
    readiness: [r.preliminaryDone, r.feasibilityDone, r.reportDone].filter(Boolean).length,
    ownerUserId: r.ownerUserId,
    ownerName: r.owner_name,
    note: r.note,
    addedOn: r.addedOn,
    programmes: (r.programmes ?? []).map((p) => ({ id: p.id, name: p.name, year: Number(p.year) })),
    applicationCount: Number(r.application_count),
    version: Number(r.version),
    actions: actionsFor(s, 'fundingReserve', r.zoneId),
  });
  type ApplicationListRow = Awaited<ReturnType<FundingRepository['listApplications']>>[number];
  const presentApplication = (s: SessionContext, a: ApplicationListRow) => ({
    id: a.id,
    zoneId: a.zoneId,
    reserveId: a.reserveId,
    reserveName: a.reserve_name,
    projectId: a.project_id,
    programmeId: a.programmeId,
    programmeName: a.programme_name,
    year: Number(a.year),
    deadlineOn: a.deadline_on,
    status: a.status,
    askedYuan: Number(a.askedYuan),
    grantedYuan: num(a.grantedYuan),
    submittedOn: a.submittedOn,
    approvedOn: a.approvedOn,
    disbursedOn: a.disbursedOn,
    documents: a.documents ?? [],
    ownerUserId: a.ownerUserId,
    ownerName: a.owner_name,
    note: a.note,
    version: Number(a.version),
    actions: actionsFor(s, 'fundingApplication', a.zoneId),
  });
  type ContactListRow = Awaited<ReturnType<FundingRepository['listContacts']>>[number];
  const presentContact = (s: SessionContext, c: ContactListRow) => ({
    id: c.id,
    zoneId: c.zoneId,
    contactedOn: c.contactedOn,
    department: c.department,
    person: c.person,
    subject: c.subject,
    nextStep: c.nextStep,
    programmeId: c.programmeId,
    programmeName: c.programme_name,
    reserveId: c.reserveId,
    reserveName: c.reserve_name,
    recordedByName: c.recorded_by_name,
    version: Number(c.version),
    actions: actionsFor(s, 'fundingContact', c.zoneId),
  });

  const oneProgramme = async (s: SessionContext, id: string) => presentProgramme(s, (await repo.listProgrammes(db, s, {})).find((p) => p.id === id)!);
  const oneReserve = async (s: SessionContext, id: string) => presentReserve(s, (await repo.listReserve(db, s, { ids: [id] }))[0]);
  const oneApplication = async (s: SessionContext, id: string) => presentApplication(s, (await repo.listApplications(db, s, { ids: [id] }))[0]);
  const oneContact = async (s: SessionContext, id: string) => presentContact(s, (await repo.listContacts(db, s, { ids: [id] }))[0]);

  // ---- rules shared by create and update
  async function checkProgramme(zoneId: string, v: { year?: number; name?: string; opensOn?: string | null; deadlineOn?: string | null }, exceptId?: string) {
    if (v.opensOn && v.deadlineOn && v.deadlineOn < v.opensOn) throw fieldError('deadlineOn', 'deadline_before_window');
    if (v.year && v.name && (await repo.programmeByName(db, zoneId, v.year, v.name, exceptId))) throw fieldError('name', 'programme_exists', 'DUPLICATE');
  }
  async function checkReserveRefs(d: DbOrTx, zoneId: string, v: { enterpriseId?: string | null; ownerUserId?: string | null; programmeIds?: string[] }) {
    const fields: FieldError[] = [];
    if (v.enterpriseId && !(await repo.enterpriseExists(d, v.enterpriseId))) fields.push({ field: 'enterpriseId', reason: 'unknown_enterprise' });
    if (v.ownerUserId && !(await repo.userCoversZone(d, v.ownerUserId, zoneId))) fields.push({ field: 'ownerUserId', reason: 'unknown_user' });
    if (v.programmeIds?.length) {
      const known = new Set((await repo.programmesOfZone(d, zoneId, v.programmeIds)).map((p) => p.id));
      v.programmeIds.forEach((id, i) => (known.has(id) ? undefined : fields.push({ field: `programmeIds.${i}`, reason: 'unknown_programme' })));
    }
    throwIfAny(fields);
  }

  /** Reminders for applications still at 谋划 as their programme's deadline nears: one notice per application, to its owner. */
  async function sendDueReminders(s: SessionContext | null) {
    const t = today();
    const due = await repo.dueReminders(db, s, t);
    if (!due.length) return 0;
    await db.transaction(async (tx) => {
      await notify(
        tx,
        due.map((d) => ({
          zoneId: d.zone_id,
          userId: d.owner_user_id,
          kind: 'funding.deadline',
          entityType: 'funding_application',
          entityId: d.id,
          params: { programme: d.programme_name, reserve: d.reserve_name, deadlineOn: d.deadline_on },
        })),
      );
      await repo.markReminded(
        tx,
        due.map((d) => d.id),
        t,
      );
      for (const d of due)
        await audit(tx, systemActor, {
          zoneId: d.zone_id,
          action: 'funding.application.remind',
          entityType: 'funding_application',
          entityId: d.id,
          after: { remindedOn: t },
        });
    });
    return due.length;
  }

  /** The application's next status must be the one after its current. */
  function nextStatusOk(from: ApplicationStatus, to: ApplicationStatus) {
    return applicationStatuses.indexOf(to) === applicationStatuses.indexOf(from) + 1;
  }

  const summaryFigures = async (s: SessionContext, f: SummaryFilter, locale: Locale) => {
    const raw = await repo.summary(db, s, f);
    const years = new Set([...raw.appsByYear.map((r) => r.year), ...raw.reserveByYear.map((r) => r.year), ...raw.contactsByYear.map((r) => r.year)]);
    const byYear = [...years]
      .sort((a, b) => b - a)
      .map((year) => {
        const apps = raw.appsByYear.find((r) => r.year === year);
        return {
          year,
          reserve: raw.reserveByYear.find((r) => r.year === year)?.n ?? 0,
          applied: apps?.applied ?? 0,
          contacts: raw.contactsByYear.find((r) => r.year === year)?.n ?? 0,
          askedYuan: apps?.askedYuan ?? 0,
          grantedYuan: apps?.grantedYuan ?? 0,
        };
      });
    const total = (k: 'reserve' | 'applied' | 'contacts' | 'askedYuan' | 'grantedYuan') => byYear.reduce((sum, y) => sum + y[k], 0);
    const figures = {
      reserve: total('reserve'),
      applied: total('applied'),
      contacts: total('contacts'),
      askedYuan: total('askedYuan'),
      grantedYuan: total('grantedYuan'),
    };
    return {
      ...figures,
      text: summaryText(figures, locale),
      byProgramme: raw.byProgramme.sort((a, b) => b.year - a.year || b.grantedYuan - a.grantedYuan || a.name.localeCompare(b.name)),
      byYear,
      byStatus: applicationStatuses.map((status) => {
        const r = raw.byStatus.find((b) => b.status === status);
        return { status, count: r?.count ?? 0, askedYuan: r?.askedYuan ?? 0, grantedYuan: r?.grantedYuan ?? 0 };
      }),
    };
  };

  return {
    today,
    sendDueReminders,
    zoneName: (zoneId: string) => repo.zoneName(db, zoneId),
    /** The record check of the routes: the record lies within the caller's zones. */
    async recordInScope(s: SessionContext, kind: 'programme' | 'reserve' | 'application' | 'contact', id: string) {
      const row =
        kind === 'programme'
          ? await repo.programme(db, id)
          : kind === 'reserve'
            ? await repo.reserve(db, id)
            : kind === 'application'
              ? await repo.application(db, id)
              : await repo.contact(db, id);
      return Boolean(row) && inScope(s, row!.zoneId);
    },

    // ---- programmes
    async listProgrammes(s: SessionContext, q: z.infer<typeof listProgrammesQuery>) {
      return (await repo.listProgrammes(db, s, q)).map((p) => presentProgramme(s, p));
    },
    async createProgramme(s: SessionContext, body: z.infer<typeof createProgrammeBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'funding.manage', body.zoneId);
      await checkProgramme(body.zoneId, body);
      const row = await db.transaction(async (tx) => {
        const { typicalAmountWan, ...rest } = body;
        const p = await repo.insertProgramme(tx, { ...rest, typicalAmountYuan: typicalAmountWan ?? null, remindDays: body.remindDays ?? 7 });
        await audit(tx, actorOf(s, requestId), {
          zoneId: p.zoneId,
          action: 'funding.programme.create',
          entityType: 'funding_programme',
          entityId: p.id,
          after: p,
        });
        return p;
      });
      return oneProgramme(s, row.id);
    },
    async updateProgramme(s: SessionContext, id: string, body: z.infer<typeof updateProgrammeBody>, requestId: string) {
      const before = await inZone(s, await repo.programme(db, id));
      requireZone(s, 'funding.manage', before.zoneId);
      assertVersion(before, body.version);
      const { version, typicalAmountWan, ...rest } = body;
      const merged = { ...before, ...rest };
      await checkProgramme(before.zoneId, merged, id);
      await db.transaction(async (tx) => {
        const after = await repo.updateProgramme(tx, id, version, {
          ...rest,
          ...(typicalAmountWan !== undefined ? { typicalAmountYuan: typicalAmountWan } : {}),
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'funding.programme.update',
          entityType: 'funding_programme',
          entityId: id,
          before,
          after,
        });
      });
      return oneProgramme(s, id);
    },

    // ---- reserve
    async listReserve(s: SessionContext, q: { zoneId?: string }) {
      return (await repo.listReserve(db, s, q)).map((r) => presentReserve(s, r));
    },
    async createReserve(s: SessionContext, body: z.infer<typeof createReserveBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'funding.manage', body.zoneId);
      let name = body.name?.trim() || null;
      let enterpriseId = body.enterpriseId ?? null;
      let totalInvestmentYuan = body.totalInvestmentWan ?? null;
      if (body.projectId) {
        const project = await repo.projectOf(db, body.projectId);
        if (!project || project.zone_id !== body.zoneId) throw fieldError('projectId', 'project_not_in_zone');
        if (await repo.reserveByProject(db, body.zoneId, body.projectId)) throw fieldError('projectId', 'reserve_exists', 'DUPLICATE');
        name ??= project.name;
        enterpriseId ??= project.enterprise_id;
        totalInvestmentYuan ??= num(project.total_investment_yuan);
      }
      if (!name) throw fieldError('name', 'reserve_name_or_project');
      if (await repo.reserveByName(db, body.zoneId, name)) throw fieldError('name', 'reserve_exists', 'DUPLICATE');
      await checkReserveRefs(db, body.zoneId, body);
      const id = await db.transaction(async (tx) => {
        const r = await repo.insertReserve(tx, {
          zoneId: body.zoneId,
          projectId: body.projectId ?? null,
          enterpriseId,
          name,
          totalInvestmentYuan,
          preliminaryDone: body.preliminaryDone ?? false,
          feasibilityDone: body.feasibilityDone ?? false,
          reportDone: body.reportDone ?? false,
          ownerUserId: body.ownerUserId ?? s.user.id,
          note: body.note ?? null,
          addedOn: body.addedOn ?? today(),
        });
        await repo.setReserveProgrammes(tx, r.zoneId, r.id, [...new Set(body.programmeIds ?? [])]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: r.zoneId,
          action: 'funding.reserve.create',
          entityType: 'funding_reserve',
          entityId: r.id,
          after: { ...r, programmeIds: body.programmeIds ?? [] },
        });
        return r.id;
      });
      return oneReserve(s, id);
    },
    async updateReserve(s: SessionContext, id: string, body: z.infer<typeof updateReserveBody>, requestId: string) {
      const before = await inZone(s, await repo.reserve(db, id));
      requireZone(s, 'funding.manage', before.zoneId);
      assertVersion(before, body.version);
      if (body.name && (await repo.reserveByName(db, before.zoneId, body.name, id))) throw fieldError('name', 'reserve_exists', 'DUPLICATE');
      await checkReserveRefs(db, before.zoneId, body);
      const beforeProgrammes = await repo.reserveProgrammeIds(db, id);
      const { version, totalInvestmentWan, programmeIds, ...rest } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateReserve(tx, id, version, {
          ...rest,
          ...(totalInvestmentWan !== undefined ? { totalInvestmentYuan: totalInvestmentWan } : {}),
        });
        if (programmeIds) await repo.setReserveProgrammes(tx, before.zoneId, id, [...new Set(programmeIds)]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'funding.reserve.update',
          entityType: 'funding_reserve',
          entityId: id,
          before: { ...before, programmeIds: beforeProgrammes },
          after: { ...after, programmeIds: programmeIds ?? beforeProgrammes },
        });
      });
      return oneReserve(s, id);
    },

    // ---- applications
    async listApplications(s: SessionContext, q: z.infer<typeof listApplicationsQuery>) {
      await sendDueReminders(s);
      return (await repo.listApplications(db, s, q)).map((a) => presentApplication(s, a));
    },
    async createApplication(s: SessionContext, body: z.infer<typeof createApplicationBody>, requestId: string) {
      const reserve = await repo.reserve(db, body.reserveId);
      if (!reserve || !inScope(s, reserve.zoneId)) throw fieldError('reserveId', 'unknown_reserve');
      requireZone(s, 'funding.manage', reserve.zoneId);
      const programme = await repo.programme(db, body.programmeId);
      if (!programme || programme.zoneId !== reserve.zoneId) throw fieldError('programmeId', 'unknown_programme');
      if (await repo.applicationExists(db, reserve.zoneId, reserve.id, programme.id)) throw fieldError('programmeId', 'application_exists', 'DUPLICATE');
      if (body.ownerUserId && !(await repo.userCoversZone(db, body.ownerUserId, reserve.zoneId))) throw fieldError('ownerUserId', 'unknown_user');
      const id = await db.transaction(async (tx) => {
        const a = await repo.insertApplication(tx, {
          zoneId: reserve.zoneId,
          reserveId: reserve.id,
          programmeId: programme.id,
          askedYuan: body.askedWan,
          ownerUserId: body.ownerUserId ?? reserve.ownerUserId ?? s.user.id,
          note: body.note ?? null,
          documents: body.documents ?? [],
        });
        // Applying means the entry fits the programme.
        const fits = await repo.reserveProgrammeIds(tx, reserve.id);
        if (!fits.includes(programme.id)) await repo.setReserveProgrammes(tx, reserve.zoneId, reserve.id, [...fits, programme.id]);
        await audit(tx, actorOf(s, requestId), {
          zoneId: a.zoneId,
          action: 'funding.application.create',
          entityType: 'funding_application',
          entityId: a.id,
          after: a,
        });
        return a.id;
      });
      return oneApplication(s, id);
    },
    async updateApplication(s: SessionContext, id: string, body: z.infer<typeof updateApplicationBody>, requestId: string) {
      const before = await inZone(s, await repo.application(db, id));
      requireZone(s, 'funding.manage', before.zoneId);
      assertVersion(before, body.version);
      const t = today();
      const fields: FieldError[] = [];
      const status = body.status ?? before.status;
      const patch: Record<string, unknown> = {};
      if (body.status && body.status !== before.status) {
        if (!nextStatusOk(before.status, body.status)) fields.push({ field: 'status', reason: 'status_out_of_order' });
        patch.status = body.status;
      }
      const dates = {
        submittedOn: body.submittedOn !== undefined ? body.submittedOn : before.submittedOn,
        approvedOn: body.approvedOn !== undefined ? body.approvedOn : before.approvedOn,
        disbursedOn: body.disbursedOn !== undefined ? body.disbursedOn : before.disbursedOn,
      };
      // A status reached is dated (today unless given); dates follow the order of the steps.
      const reached = applicationStatuses.indexOf(status);
      if (reached >= 1 && !dates.submittedOn) dates.submittedOn = t;
      if (reached >= 3 && !dates.approvedOn) dates.approvedOn = t;
      if (reached >= 4 && !dates.disbursedOn) dates.disbursedOn = t;
      for (const [k, v] of Object.entries(dates)) if (v && v > t) fields.push({ field: k, reason: 'date_in_future' });
      if (dates.approvedOn && dates.submittedOn && dates.approvedOn < dates.submittedOn)
        fields.push({ field: 'approvedOn', reason: 'step_date_before_previous' });
      if (dates.disbursedOn && dates.approvedOn && dates.disbursedOn < dates.approvedOn)
        fields.push({ field: 'disbursedOn', reason: 'step_date_before_previous' });
      const asked = body.askedWan ?? Number(before.askedYuan);
      const granted = body.grantedWan !== undefined ? body.grantedWan : num(before.grantedYuan);
      if (granted != null && granted > asked) fields.push({ field: 'grantedWan', reason: 'granted_above_asked' });
      if (reached >= 3 && granted == null) fields.push({ field: 'grantedWan', reason: 'granted_required' });
      if (body.ownerUserId && !(await repo.userCoversZone(db, body.ownerUserId, before.zoneId))) fields.push({ field: 'ownerUserId', reason: 'unknown_user' });
      throwIfAny(fields);
      Object.assign(patch, dates, { askedYuan: asked, grantedYuan: granted });
      if (body.ownerUserId !== undefined) patch.ownerUserId = body.ownerUserId;
      if (body.note !== undefined) patch.note = body.note;
      if (body.documents !== undefined) patch.documents = body.documents;
      await db.transaction(async (tx) => {
        const after = await repo.updateApplication(tx, id, body.version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'funding.application.update',
          entityType: 'funding_application',
          entityId: id,
          before,
          after,
        });
      });
      return oneApplication(s, id);
    },

    // ---- contacts
    async listContacts(s: SessionContext, q: z.infer<typeof listContactsQuery>) {
      return (await repo.listContacts(db, s, q)).map((c) => presentContact(s, c));
    },
    async createContact(s: SessionContext, body: z.infer<typeof createContactBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'funding.manage', body.zoneId);
      await checkContactRefs(body.zoneId, body);
      const id = await db.transaction(async (tx) => {
        const c = await repo.insertContact(tx, {
          ...body,
          person: body.person ?? null,
          nextStep: body.nextStep ?? null,
          programmeId: body.programmeId ?? null,
          reserveId: body.reserveId ?? null,
          recordedById: s.user.id,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: c.zoneId, action: 'funding.contact.create', entityType: 'funding_contact', entityId: c.id, after: c });
        return c.id;
      });
      return oneContact(s, id);
    },
    async updateContact(s: SessionContext, id: string, body: z.infer<typeof updateContactBody>, requestId: string) {
      const before = await inZone(s, await repo.contact(db, id));
      requireZone(s, 'funding.manage', before.zoneId);
      assertVersion(before, body.version);
      await checkContactRefs(before.zoneId, body);
      const { version, ...rest } = body;
      await db.transaction(async (tx) => {
        const after = await repo.updateContact(tx, id, version, rest);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'funding.contact.update',
          entityType: 'funding_contact',
          entityId: id,
          before,
          after,
        });
      });
      return oneContact(s, id);
    },

    /** The caller's applications still at 谋划 whose programme closes within 30 days (or has closed): the 工作台's share. */
    async myWorklist(s: SessionContext) {
      const t = today();
      const rows = (await repo.listApplications(db, s, { status: 'planning' })).filter(
        (a) => a.ownerUserId === s.user.id && a.deadline_on && a.deadline_on <= addDays(t, 30),
      );
      return rows.map((a) => ({
        kind: 'funding_deadline' as const,
        id: a.id,
        zoneId: a.zoneId,
        title: `${a.programme_name}：${a.reserve_name}`,
        detail: null,
        dueOn: a.deadline_on,
        overdue: a.deadline_on! < t,
        link: '/funding',
      }));
    },

    // ---- summary and export
    async summary(s: SessionContext, q: z.infer<typeof fundingSummaryQuery>, locale: Locale) {
      await sendDueReminders(s);
      return summaryFigures(s, q, locale);
    },
    summaryFigures,
    /** Rows of the export (the xlsx is written in funding.export.ts). */
    async exportData(s: SessionContext, q: z.infer<typeof fundingSummaryQuery>) {
      const [summary, applications, reserve, contacts] = await Promise.all([
        summaryFigures(s, q, 'zh-CN'),
        repo.listApplications(db, s, q),
        repo.listReserve(db, s, { zoneId: q.zoneId }),
        repo.listContacts(db, s, { zoneId: q.zoneId, year: q.year }),
      ]);
      return {
        summary,
        applications: applications.map((a) => presentApplication(s, a)),
        reserve: reserve.map((r) => presentReserve(s, r)),
        contacts: contacts.map((c) => presentContact(s, c)),
      };
    },
  };

  async function checkContactRefs(zoneId: string, v: { programmeId?: string | null; reserveId?: string | null }) {
    const fields: FieldError[] = [];
    if (v.programmeId) {
      const p = await repo.programme(db, v.programmeId);
      if (!p || p.zoneId !== zoneId) fields.push({ field: 'programmeId', reason: 'unknown_programme' });
    }
    if (v.reserveId) {
      const r = await repo.reserve(db, v.reserveId);
      if (!r || r.zoneId !== zoneId) fields.push({ field: 'reserveId', reason: 'unknown_reserve' });
    }
    throwIfAny(fields);
  }
}

export type FundingService = ReturnType<typeof createFundingService>;
