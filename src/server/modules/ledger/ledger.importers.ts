/**
 * The 招商线索台账 (leads) and the enterprise list as importers of the staged-import engine
 * (platform/imports, docs/imports.md): how a row is checked, and how the valid rows are written,
 * set-based, in the engine's one transaction. Existing enterprises are matched by credit code, then
 * by normalised name, with one look-up per batch of rows; duplicates inside the file are errors.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { industryCodeOf } from '../../../contract/industries.ts';
import { fromYuan } from '../../../contract/money.ts';
import { chainActionLabels, methodLabels } from '../../../contract/pipeline-enums.ts';
import type { Tx } from '../../db/client.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, undoConflict, type ImportRecord, type ImportRow } from '../../platform/imports/index.ts';
import { enterpriseNameDirectory, normalizeEnterpriseName, type EnterprisesService } from '../enterprises/index.ts';
import type { LeadsService } from '../leads/index.ts';
import {
  chainActionByText,
  enterpriseColumns,
  ledgerImportColumns,
  methodByText,
  stageByText,
  statusByText,
  type EnterpriseKey,
  type LedgerKey,
} from './ledger.columns.ts';
import type { ExistingLead, LedgerRepository } from './ledger.repository.ts';

export const MAX_IMPORT_ROWS = 200_000;

interface Lookups {
  byCode: Map<string, string>;
  byName: Map<string, { id: string; creditCode: string | null }>;
  /** The zone's leads of the file's ledger numbers: those rows update them. */
  existingLeads: Map<string, ExistingLead>;
}

/** Existing enterprises (and, for leads, taken ledger numbers) of one batch of rows. */
async function lookups<K extends string>(ledger: LedgerRepository, db: Parameters<LedgerRepository['leadCodes']>[0], zoneId: string, rows: ImportRow<K>[], nameKey: K, leadCodeKey?: K): Promise<Lookups> {
  const codes = new Set<string>();
  const names = new Set<string>();
  const leadCodes = new Set<string>();
  for (const row of rows) {
    const code = row.get('creditCode' as K);
    if (code != null) codes.add(normalizeCreditCode(String(code)));
    const name = row.get(nameKey);
    if (name != null) names.add(normalizeEnterpriseName(String(name)));
    const lc = leadCodeKey ? row.get(leadCodeKey) : null;
    if (lc != null) leadCodes.add(String(lc).trim());
  }
  const [byCode, byName, existingLeads] = await Promise.all([
    ledger.enterprisesByCodes(
      db,
      [...codes].filter((c) => !creditCodeProblem(c)),
    ),
    ledger.enterprisesByNames(db, [...names]),
    leadCodeKey ? ledger.leadsByCodes(db, zoneId, [...leadCodes]) : Promise.resolve(new Map<string, ExistingLead>()),
  ]);
  return { byCode, byName, existingLeads };
}

/** The row's credit code: null when empty, 'bad' (and the row refused) when its check fails. */
function creditCodeOf<K extends string>(row: ImportRow<K>): string | null | 'bad' {
  const raw = row.get('creditCode' as K);
  if (raw == null) return null;
  const code = normalizeCreditCode(String(raw));
  const problem = creditCodeProblem(code);
  if (problem) {
    row.fail('creditCode' as K, `credit_code_${problem}`);
    return 'bad';
  }
  return code;
}

/** Money in the column's unit; a blank or '—' is none (not zero) in a ledger. A range ("5-8") is kept as none, not guessed. */
function moneyOf<K extends string>(row: ImportRow<K>, key: K): number | null {
  const v = row.get(key);
  if (v != null && /^\s*\d+(\.\d+)?\s*[-~～至到—]\s*\d+(\.\d+)?\s*$/.test(String(v))) return null;
  return row.money(key, false);
}

/** An agreement a lead at 框架协议 or 正式签约 carries (issue 10 item 2): its date and amount, or the row is refused. */
export interface ImportedAgreement {
  kind: 'framework' | 'investment';
  signedOn: string;
  amountYuan: number;
  note: string | null;
}

/**
 * The date from the 签约时间 column, else from the progress text ("2026年6月18日签订投资协议", "7月22日签订框架协议"
 * with the year of the sheet's period); the amount from 签约金额, else the lead's 拟投资额 (said so in the note).
 */
function agreementOf(row: ImportRow<LedgerKey>, stage: string | null, plannedYuan: number | null): ImportedAgreement | null {
  const required = stage === 'signed' || stage === 'framework';
  // Past 正式签约 (落地, 转项目) an agreement written in the sheet is kept, not required.
  if (!required) {
    const on = row.date('agreementOn');
    const amount = row.money('agreementAmount', false);
    return on && amount && stage !== 'prospect' && stage !== 'contact' && stage !== 'intent' ? { kind: 'investment', signedOn: on, amountYuan: amount, note: null } : null;
  }
  const kind = stage === 'signed' ? 'investment' : 'framework';
  const word = kind === 'investment' ? '(?:投资|正式|合作)?(?:协议|合同)' : '框架(?:协议|合同)';
  let signedOn = row.date('agreementOn');
  let note: string | null = null;
  const progress = row.text('progress', 4000);
  if (!signedOn && progress) {
    const m = new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日[^，。；;,]{0,12}?签(?:订|署|约)[^，。；;,]{0,6}?${word}`).exec(progress);
    const year = m?.[1] ?? row.period?.asOf?.slice(0, 4);
    if (m && year) {
      const d = `${year}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (!Number.isNaN(new Date(`${d}T00:00:00Z`).getTime())) {
        signedOn = d;
        note = `导入：日期取自“${row.header('progress')}”：${m[0]}`;
      }
    }
  }
  let amountYuan = row.money('agreementAmount', false);
  if (amountYuan == null && plannedYuan != null && plannedYuan > 0) {
    amountYuan = plannedYuan;
    note = [note, `金额取自“${row.header('plannedInvestment')}”`].filter(Boolean).join('；');
  }
  if (!signedOn || !amountYuan) {
    row.fail(signedOn ? 'plannedInvestment' : 'agreementOn', 'import_agreement_required');
    return null;
  }
  return { kind, signedOn, amountYuan, note };
}

/** Text up to `max` characters; longer is an error, never a cut. */
const text = <K extends string>(row: ImportRow<K>, key: K, max: number) => row.text(key, max);

/** The enterprise list (企业名录): new enterprises with their first contact; existing ones are matched. */
export function enterprisesImporter(deps: { ledger: LedgerRepository }) {
  const { ledger } = deps;
  return defineImporter({
    kind: 'enterprises',
    permission: 'lead.import',
    columns: enterpriseColumns,
    required: ['name'],
    maxRows: MAX_IMPORT_ROWS,
    async begin() {
      return { seenCodes: new Set<string>(), seenNames: new Map<string, string>() };
    },
    prepare: (scope, _run, rows) => lookups(ledger, scope.db, scope.zoneId, rows, 'name'),
    parseRow(row: ImportRow<EnterpriseKey>, run, { byCode, byName }) {
      const name = text(row, 'name', 100);
      if (!name || name.length < 2) row.fail('name', 'required');
      const code = creditCodeOf(row);
      const normalizedName = name ? normalizeEnterpriseName(name) : '';
      let matchId: string | null = null;
      if (code && code !== 'bad') {
        if (run.seenCodes.has(code)) row.fail('creditCode', 'duplicate_in_file');
        run.seenCodes.add(code);
        matchId = byCode.get(code) ?? null;
      }
      if (!matchId && name && code !== 'bad') {
        const prior = run.seenNames.get(normalizedName);
        if (prior !== undefined && (!code || !prior)) row.fail('name', 'duplicate_in_file');
        run.seenNames.set(normalizedName, code ?? '');
        const existing = byName.get(normalizedName);
        if (existing && (!code || !existing.creditCode)) matchId = existing.id;
      }
      const registeredCapitalYuan = moneyOf(row, 'registeredCapital');
      const industryText = text(row, 'industry', 60);
      const industryCode = industryText ? industryCodeOf(industryText) : null;
      if (industryText && !industryCode) row.fail('industry', 'unknown_industry');
      const regionCode = text(row, 'regionCode', 6);
      if (regionCode && !/^\d{6}$/.test(regionCode)) row.fail('regionCode', 'region_code');
      const email = text(row, 'contactEmail', 100);
      if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) row.fail('contactEmail', 'email');
      return {
        id: randomUUID(),
        matchId,
        name,
        normalizedName,
        creditCode: code === 'bad' ? null : code,
        legalPerson: text(row, 'legalPerson', 32),
        registeredCapitalYuan,
        industryCode: industryCode ?? null,
        regionCode,
        address: text(row, 'address', 200),
        contactName: text(row, 'contactName', 32),
        contactTitle: text(row, 'contactTitle', 40),
        contactPhone: text(row, 'contactPhone', 20),
        contactEmail: email,
      };
    },
    // Set-based: see ledger.repository.ts commitEnterprises (the per-row service call is too slow for 100k rows).
    async commit(tx, rows, { zoneId, recordCreated }) {
      const written = await ledger.commitEnterprises(tx, rows.source, zoneId);
      await recordCreated('enterprise', sql`select (data->>'id')::uuid as id from ${rows.source} s where data->>'matchId' is null`);
      return written;
    },
    /** Removes the enterprises (and contacts) the list created, unless any changed since or is now referred to. */
    async undo(tx, { records }) {
      const ids = records.filter((r) => r.entityType === 'enterprise' && r.action === 'created').map((r) => r.entityId);
      const now = await ledger.versions(tx, 'enterprises', ids);
      const changed = ids.flatMap((id) => (now.get(id) && now.get(id)!.version !== 1 ? [{ entity: 'enterprise', id, label: now.get(id)!.label }] : []));
      if (changed.length) throw undoConflict(changed);
      return { enterprisesDeleted: await deleteOrList(tx, ids, 'enterprise', now, (t, x) => ledger.deleteImportedEnterprises(t, x)) };
    },
  });
}

/** The lead ledger (招商线索台账): leads with their investors; ledger numbers follow the zone's highest. */
export function leadsImporter(deps: {
  ledger: LedgerRepository;
  leads: Pick<LeadsService, 'owners' | 'updateInTx'>;
  enterprises: Pick<EnterprisesService, 'findOrCreateInTx'>;
}) {
  const { ledger, leads, enterprises } = deps;
  return defineImporter({
    kind: 'leads',
    permission: 'lead.import',
    columns: ledgerImportColumns,
    required: ['name'],
    maxRows: MAX_IMPORT_ROWS,
    // An owner the zone does not have: the user maps it to one of the zone's people or leaves the lead without owner.
    // An investor no enterprise matches: registered (the default), mapped to one found in the directory, or left unlinked.
    nameActions: { owner: ['map', 'blank'], enterpriseName: ['create', 'map', 'blank'] },
    nameDirectories: { enterpriseName: enterpriseNameDirectory() },
    nameKinds: { owner: 'person', enterpriseName: 'enterprise' },
    async nameTargets(scope) {
      return { owner: (await leads.owners(scope.session, scope.zoneId)).map((o) => ({ id: o.id, name: o.displayName })) };
    },
    async begin(scope) {
      const owners = await leads.owners(scope.session, scope.zoneId);
      const ownerByName = new Map<string, string | null>();
      for (const o of owners) {
        ownerByName.set(o.displayName, ownerByName.has(o.displayName) ? null : o.id);
        const bare = o.displayName.replace(/\s/g, '');
        if (bare !== o.displayName) ownerByName.set(bare, ownerByName.has(bare) ? null : o.id);
      }
      /** New investors, one id per credit code or normalised name. */
      return { owners, ownerByName, seenLeadCodes: new Set<string>(), newEnterpriseIds: new Map<string, string>() };
    },
    prepare: (scope, _run, rows) => lookups(ledger, scope.db, scope.zoneId, rows, 'enterpriseName', 'code'),
    parseRow(row: ImportRow<LedgerKey>, run, { byCode, byName, existingLeads }) {
      const name = text(row, 'name', 100);
      if (!name) row.fail('name', 'required');
      const code = text(row, 'code', 32);
      if (code) {
        if (run.seenLeadCodes.has(code)) row.fail('code', 'duplicate_in_file');
        run.seenLeadCodes.add(code);
      }
      // A ledger number the zone has: the row updates that lead (a re-imported ledger), never refused as taken.
      const existing = code ? existingLeads.get(code) : undefined;
      const enumOf = <T>(key: LedgerKey, m: Map<string, T>, fallback: T | null): T | null => {
        const v = text(row, key, 40)?.replace(/\s/g, '');
        if (!v) return fallback;
        const found = m.get(v) ?? m.get(v.toLowerCase());
        if (found === undefined) row.fail(key, 'unknown_value');
        return found ?? fallback;
      };
      const method = enumOf('method', methodByText, 'other');
      const stage = enumOf('stage', stageByText, 'prospect');
      const status = enumOf('status', statusByText, 'active');
      const statusReason = text(row, 'statusReason', 200);
      const lostToRegion = text(row, 'lostToRegion', 40);
      if ((status === 'lost' || status === 'terminated') && !statusReason) row.fail('statusReason', 'status_reason_required');
      if (status === 'lost' && !lostToRegion) row.fail('lostToRegion', 'lost_region_required');
      const chainAction = enumOf('chainAction', chainActionByText, null);
      let likelihood: number | null = null;
      const pct = row.percent('likelihood');
      if (pct != null) {
        // A bare 0.6 means 60 % (a percent-formatted cell reads "60%").
        const n = pct > 0 && pct < 1 && typeof row.get('likelihood') === 'number' ? pct * 100 : pct;
        if (n < 0 || n > 100) row.fail('likelihood', 'percent_range');
        else likelihood = Math.round(n);
      }
      const dates: Record<string, string | null> = {};
      for (const key of ['firstContactOn', 'lastFollowUpOn', 'nextStepOn'] as const) dates[key] = row.date(key);
      // The owner by display name (spaces inside a name ignored); one the zone does not have is listed, the lead left without owner.
      let ownerId: string | null = null;
      const ownerText = text(row, 'owner', 40);
      if (ownerText) {
        const bare = ownerText.replace(/\s/g, '');
        ownerId = run.ownerByName.get(ownerText) ?? run.ownerByName.get(bare) ?? run.owners.find((o) => o.id === ownerText)?.id ?? null;
        if (!ownerId) {
          // The zone's remembered choice for this name, else kept as written (no owner linked).
          const chosen = row.choice('owner', bare);
          if (chosen?.action === 'map' && run.owners.some((o) => o.id === chosen.targetId)) {
            ownerId = chosen.targetId;
            row.noteName('owner', bare, 'map', run.owners.find((o) => o.id === chosen.targetId)?.displayName ?? null, chosen.targetId);
          } else row.noteName('owner', bare, chosen?.action === 'blank' ? 'blank' : 'text');
        }
      }
      // The investor: an existing enterprise (by code, then name), or one registered on commit.
      const enterpriseName = text(row, 'enterpriseName', 100);
      const creditCode = creditCodeOf(row);
      let enterpriseId: string | null = null;
      let newEnterprise: { id: string; name: string; creditCode: string | null; normalizedName: string } | null = null;
      if (creditCode && creditCode !== 'bad') enterpriseId = byCode.get(creditCode) ?? null;
      if (!enterpriseId && enterpriseName && creditCode !== 'bad') {
        const normalizedName = normalizeEnterpriseName(enterpriseName);
        const existing = byName.get(normalizedName);
        const chosen = creditCode ? undefined : row.choice('enterpriseName', enterpriseName);
        if (existing && (!creditCode || !existing.creditCode)) enterpriseId = existing.id;
        else if (chosen?.action === 'map' && chosen.targetId) {
          enterpriseId = chosen.targetId;
          row.noteName('enterpriseName', enterpriseName, 'map', chosen.targetName ?? null, enterpriseId);
        } else if (chosen?.action === 'blank') row.noteName('enterpriseName', enterpriseName, 'blank');
        else {
          row.noteName('enterpriseName', enterpriseName, 'create');
          // One new investor per credit code; a row without a code joins one of the same name.
          const nameKey = `name:${normalizedName}`;
          const id = run.newEnterpriseIds.get(creditCode ?? nameKey) ?? randomUUID();
          run.newEnterpriseIds.set(creditCode ?? nameKey, id);
          if (!run.newEnterpriseIds.has(nameKey)) run.newEnterpriseIds.set(nameKey, id);
          newEnterprise = { id, name: enterpriseName, creditCode, normalizedName };
        }
      } else if (!enterpriseId && creditCode && creditCode !== 'bad') {
        row.fail('enterpriseName', 'required');
      }
      const plannedInvestmentYuan = moneyOf(row, 'plannedInvestment');
      if (existing) {
        const update = updateOf(row, existing, {
          name,
          enterpriseId,
          newEnterprise,
          enterpriseName,
          method: row.get('method') == null ? null : method,
          sector: text(row, 'sector', 40),
          chainLink: text(row, 'chainLink', 60),
          chainAction,
          plannedInvestmentYuan,
          plannedOutputYuan: moneyOf(row, 'plannedOutput'),
          likelihood,
          firstContactOn: dates.firstContactOn,
          lastFollowUpOn: dates.lastFollowUpOn,
          nextStep: text(row, 'nextStep', 200),
          nextStepOn: dates.nextStepOn,
          ownerId,
          ownerName: ownerId ? (run.owners.find((o) => o.id === ownerId)?.displayName ?? null) : null,
          platformContact: text(row, 'platformContact', 40),
        });
        return { id: existing.id, code, name, newEnterprise, enterpriseId: null, update };
      }
      const agreement = agreementOf(row, stage, plannedInvestmentYuan);
      return {
        update: null,
        id: randomUUID(),
        code,
        name,
        agreement,
        enterpriseId,
        newEnterprise,
        method,
        stage,
        status,
        statusReason: status === 'active' ? null : statusReason,
        lostToRegion: status === 'lost' ? lostToRegion : null,
        sector: text(row, 'sector', 40),
        chainLink: text(row, 'chainLink', 60),
        chainAction,
        plannedInvestmentYuan,
        plannedOutputYuan: moneyOf(row, 'plannedOutput'),
        likelihood,
        ...dates,
        nextStep: text(row, 'nextStep', 200),
        ownerId,
        platformContact: text(row, 'platformContact', 40),
      };
    },
    /**
     * The new investors through the enterprises service (one per staged id); the leads themselves
     * set-based: an imported lead is history as it stands in the sheet (its stage, status, dates and
     * owner, an `imported` event, one audit entry for the import), not a lead created today — see
     * docs/imports.md for why this is not the leads service's createInTx.
     */
    async commit(tx, rows, { zoneId, session, clock, requestId, record, recordCreated }) {
      const staged = await rows.all();
      const investorIds: Record<string, string> = {};
      const matched = new Set<string>();
      let enterprisesCreated = 0;
      const created: ImportRecord[] = [];
      for (const { data } of staged) {
        if ('enterpriseId' in data && data.enterpriseId) matched.add(data.enterpriseId);
        const e = data.newEnterprise;
        if (!e || investorIds[e.id]) continue;
        const found = await enterprises.findOrCreateInTx(
          tx,
          session,
          { id: e.id, name: e.name, creditCode: e.creditCode, noCreditCode: !e.creditCode, zoneId, field: 'enterpriseName.', provenance: { importId: rows.importId } },
          requestId,
        );
        investorIds[e.id] = found.id;
        if (found.created) {
          enterprisesCreated++;
          created.push({ entityType: 'enterprise', entityId: found.id, action: 'created', version: 1 });
        } else matched.add(found.id);
      }
      await record(created);
      // New leads set-based; the rows that update a lead go through the leads service (version check, audit).
      const creates = sql`(select row_no, data from ${rows.source} s0 where jsonb_typeof(data->'update') is distinct from 'object')`;
      const prefix = `${(await ledger.zoneCode(tx, zoneId)) ?? 'LEAD'}-${chinaToday(clock).slice(0, 4)}-`;
      const { leadsCreated, agreementsCreated } = await ledger.commitLeads(tx, creates, rows.importId, zoneId, prefix, { id: session.user.id, name: session.user.displayName }, investorIds);
      await recordCreated('lead', sql`select (data->>'id')::uuid as id from ${creates} s1`);
      let leadsUpdated = 0;
      for (const { data } of staged) {
        const u = data.update;
        if (!u || !Object.keys(u.patch).length) continue;
        const patch = { ...u.patch } as Record<string, unknown>;
        if (u.newEnterpriseId) patch.enterpriseId = investorIds[u.newEnterpriseId];
        const after = await leads.updateInTx(tx, session, data.id, { version: u.version, ...patch } as Parameters<LeadsService['updateInTx']>[3], requestId, { provenance: { importId: rows.importId } });
        await record([{ entityType: 'lead', entityId: data.id, action: 'updated', version: after.version, before: u.before }]);
        leadsUpdated++;
      }
      return { enterprisesCreated, enterprisesMatched: matched.size, leadsCreated, ...(leadsUpdated ? { leadsUpdated } : {}), ...(agreementsCreated ? { agreementsCreated } : {}) };
    },

    /**
     * The batch undone: the leads it updated restored through the leads service, the leads and
     * investors it created removed — unless any of them changed since (its version moved on, or
     * something now refers to it), then nothing is undone and they are listed.
     */
    async undo(tx, { records, session, requestId, importId }) {
      const createdLeads = records.filter((r) => r.entityType === 'lead' && r.action === 'created').map((r) => r.entityId);
      const updatedLeads = records.filter((r) => r.entityType === 'lead' && r.action === 'updated');
      const createdEnterprises = records.filter((r) => r.entityType === 'enterprise' && r.action === 'created').map((r) => r.entityId);
      const leadNow = await ledger.versions(tx, 'leads', [...createdLeads, ...updatedLeads.map((u) => u.entityId)]);
      const enterpriseNow = await ledger.versions(tx, 'enterprises', createdEnterprises);
      const changed: { entity: string; id: string; label: string }[] = [];
      for (const id of createdLeads) {
        const v = leadNow.get(id);
        if (v && v.version !== 1) changed.push({ entity: 'lead', id, label: v.label });
      }
      for (const u of updatedLeads) {
        const v = leadNow.get(u.entityId);
        if (!v || v.version !== u.version) changed.push({ entity: 'lead', id: u.entityId, label: v?.label ?? u.entityId });
      }
      for (const id of createdEnterprises) {
        const v = enterpriseNow.get(id);
        if (v && v.version !== 1) changed.push({ entity: 'enterprise', id, label: v.label });
      }
      if (changed.length) throw undoConflict(changed);
      for (const u of updatedLeads)
        await leads.updateInTx(tx, session, u.entityId, { version: u.version!, ...(u.before as object) } as Parameters<LeadsService['updateInTx']>[3], requestId, {
          provenance: { importId, undo: true },
        });
      const leadsDeleted = await deleteOrList(tx, createdLeads, 'lead', leadNow, (t, ids) => ledger.deleteImportedLeads(t, ids));
      const enterprisesDeleted = await deleteOrList(tx, createdEnterprises, 'enterprise', enterpriseNow, (t, ids) => ledger.deleteImportedEnterprises(t, ids));
      return { leadsDeleted, leadsRestored: updatedLeads.length, enterprisesDeleted };
    },
  });
}

/**
 * Deletes what an import created, in a savepoint: when something else now refers to a record (an
 * activity on the lead, a project of the investor), the records concerned are found one by one and
 * listed as changed.
 */
async function deleteOrList(tx: Tx, ids: string[], entity: string, labels: Map<string, { label: string }>, remove: (tx: Tx, ids: string[]) => Promise<number>): Promise<number> {
  if (!ids.length) return 0;
  try {
    return await tx.transaction((sp) => remove(sp, ids));
  } catch (err) {
    if ((err as { code?: string; cause?: { code?: string } }).code !== '23503' && (err as { cause?: { code?: string } }).cause?.code !== '23503') throw err;
  }
  const changed: { entity: string; id: string; label: string }[] = [];
  for (const id of ids) {
    try {
      await tx.transaction(async (sp) => {
        await remove(sp, [id]);
        throw new Error('probe');
      });
    } catch (err) {
      if ((err as Error).message !== 'probe') changed.push({ entity, id, label: labels.get(id)?.label ?? id });
    }
  }
  throw undoConflict(changed);
}

type LeadPatch = Record<string, string | number | null>;

/**
 * What a re-imported row changes in an existing lead: the fields the sheet fills (an empty cell
 * never clears one) that differ, as the lead update body (amounts in yuan) and as the preview
 * shows them (old → new); the lead's values before, for undo.
 */
function updateOf(
  row: ImportRow<LedgerKey>,
  lead: ExistingLead,
  next: {
    name: string | null;
    enterpriseId: string | null;
    newEnterprise: { id: string; name: string } | null;
    enterpriseName: string | null;
    method: string | null;
    sector: string | null;
    chainLink: string | null;
    chainAction: string | null;
    plannedInvestmentYuan: number | null;
    plannedOutputYuan: number | null;
    likelihood: number | null;
    firstContactOn: string | null;
    lastFollowUpOn: string | null;
    nextStep: string | null;
    nextStepOn: string | null;
    ownerId: string | null;
    ownerName: string | null;
    platformContact: string | null;
  },
) {
  const patch: LeadPatch = {};
  const before: LeadPatch = {};
  const changes: { field: LedgerKey; before: string | null; after: string | null }[] = [];
  const wan = (v: number | null) => (v == null ? null : fromYuan(v, 'wan'));
  const put = (field: LedgerKey, body: string, was: string | number | null, now: string | number | null, show: (v: string | number | null) => string | null = (v) => (v == null ? null : String(v))) => {
    if (now == null || now === was) return;
    patch[body] = now;
    before[body] = was;
    changes.push({ field, before: show(was), after: show(now) });
  };
  put('name', 'name', lead.name, next.name);
  if (next.newEnterprise || (next.enterpriseId && next.enterpriseId !== lead.enterpriseId)) {
    patch.enterpriseId = next.newEnterprise ? null : next.enterpriseId;
    before.enterpriseId = lead.enterpriseId;
    changes.push({ field: 'enterpriseName', before: lead.enterpriseName, after: next.newEnterprise ? `${next.enterpriseName}（新建）` : next.enterpriseName });
  }
  put('method', 'method', lead.method, next.method, (v) => (v == null ? null : (methodLabels[v as keyof typeof methodLabels]?.[0] ?? String(v))));
  put('sector', 'sector', lead.sector, next.sector);
  put('chainLink', 'chainLink', lead.chainLink, next.chainLink);
  put('chainAction', 'chainAction', lead.chainAction, next.chainAction, (v) => (v == null ? null : (chainActionLabels[v as keyof typeof chainActionLabels]?.[0] ?? String(v))));
  // The update body names amounts in 万元 but carries them parsed, in yuan.
  put('plannedInvestment', 'plannedInvestmentWan', lead.plannedInvestmentYuan, next.plannedInvestmentYuan, (v) => wan(v as number | null));
  put('plannedOutput', 'plannedOutputWan', lead.plannedOutputYuan, next.plannedOutputYuan, (v) => wan(v as number | null));
  put('likelihood', 'likelihood', lead.likelihood, next.likelihood, (v) => (v == null ? null : `${v}%`));
  put('firstContactOn', 'firstContactOn', lead.firstContactOn, next.firstContactOn);
  put('lastFollowUpOn', 'lastFollowUpOn', lead.lastFollowUpOn, next.lastFollowUpOn);
  put('nextStep', 'nextStep', lead.nextStep, next.nextStep);
  put('nextStepOn', 'nextStepOn', lead.nextStepOn, next.nextStepOn);
  if (next.ownerId && next.ownerId !== lead.ownerId) {
    patch.ownerId = next.ownerId;
    before.ownerId = lead.ownerId;
    changes.push({ field: 'owner', before: lead.ownerName, after: next.ownerName });
  }
  put('platformContact', 'platformContact', lead.platformContact, next.platformContact);
  row.update({ entity: 'lead', id: lead.id, label: `${lead.code} ${lead.name}`, changes });
  return { version: lead.version, patch, before, newEnterpriseId: next.newEnterprise?.id ?? null };
}
