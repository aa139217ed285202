/**
 * The 招商线索台账 (leads) and the enterprise list as importers of the staged-import engine
 * (platform/imports, docs/imports.md): how a row is checked, and how the valid rows are written,
 * set-based, in the engine's one transaction. Existing enterprises are matched by credit code, then
 * by normalised name, with one look-up per batch of rows; duplicates inside the file are errors.
 */
import { randomUUID } from 'node:crypto';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { industryCodeOf } from '../../../contract/industries.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, type ImportRow } from '../../platform/imports/index.ts';
import { normalizeEnterpriseName, type EnterprisesService } from '../enterprises/index.ts';
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
import type { LedgerRepository } from './ledger.repository.ts';

export const MAX_IMPORT_ROWS = 200_000;

interface Lookups {
  byCode: Map<string, string>;
  byName: Map<string, { id: string; creditCode: string | null }>;
  takenLeadCodes: Set<string>;
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
  const [byCode, byName, takenLeadCodes] = await Promise.all([
    ledger.enterprisesByCodes(
      db,
      [...codes].filter((c) => !creditCodeProblem(c)),
    ),
    ledger.enterprisesByNames(db, [...names]),
    leadCodeKey ? ledger.leadCodes(db, zoneId, [...leadCodes]) : Promise.resolve(new Set<string>()),
  ]);
  return { byCode, byName, takenLeadCodes };
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
    commit: (tx, rows, { zoneId }) => ledger.commitEnterprises(tx, rows.source, zoneId),
  });
}

/** The lead ledger (招商线索台账): leads with their investors; ledger numbers follow the zone's highest. */
export function leadsImporter(deps: {
  ledger: LedgerRepository;
  leads: Pick<LeadsService, 'owners'>;
  enterprises: Pick<EnterprisesService, 'findOrCreateInTx'>;
}) {
  const { ledger, leads, enterprises } = deps;
  return defineImporter({
    kind: 'leads',
    permission: 'lead.import',
    columns: ledgerImportColumns,
    required: ['name'],
    maxRows: MAX_IMPORT_ROWS,
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
    parseRow(row: ImportRow<LedgerKey>, run, { byCode, byName, takenLeadCodes }) {
      const name = text(row, 'name', 100);
      if (!name) row.fail('name', 'required');
      const code = text(row, 'code', 32);
      if (code) {
        if (takenLeadCodes.has(code)) row.fail('code', 'lead_code_taken');
        else if (run.seenLeadCodes.has(code)) row.fail('code', 'duplicate_in_file');
        run.seenLeadCodes.add(code);
      }
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
        if (!ownerId) row.noteName('owner', bare, 'text');
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
        if (existing && (!creditCode || !existing.creditCode)) enterpriseId = existing.id;
        else {
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
      const agreement = agreementOf(row, stage, plannedInvestmentYuan);
      return {
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
    async commit(tx, rows, { zoneId, session, clock, requestId }) {
      const staged = await rows.all();
      const investorIds: Record<string, string> = {};
      const matched = new Set<string>();
      let enterprisesCreated = 0;
      for (const { data } of staged) {
        if (data.enterpriseId) matched.add(data.enterpriseId);
        const e = data.newEnterprise;
        if (!e || investorIds[e.id]) continue;
        const found = await enterprises.findOrCreateInTx(
          tx,
          session,
          { id: e.id, name: e.name, creditCode: e.creditCode, noCreditCode: !e.creditCode, zoneId, field: 'enterpriseName.', provenance: { importId: rows.importId } },
          requestId,
        );
        investorIds[e.id] = found.id;
        if (found.created) enterprisesCreated++;
        else matched.add(found.id);
      }
      const prefix = `${(await ledger.zoneCode(tx, zoneId)) ?? 'LEAD'}-${chinaToday(clock).slice(0, 4)}-`;
      const { leadsCreated, agreementsCreated } = await ledger.commitLeads(tx, rows.source, rows.importId, zoneId, prefix, { id: session.user.id, name: session.user.displayName }, investorIds);
      return { enterprisesCreated, enterprisesMatched: matched.size, leadsCreated, ...(agreementsCreated ? { agreementsCreated } : {}) };
    },
  });
}
