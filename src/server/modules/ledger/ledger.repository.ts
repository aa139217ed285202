import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';

const uuidText = (s: string) => sql`${s}::uuid`;
/** A text[] literal as one parameter (a JS array would be spread into a list by drizzle). */
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`;

interface ExistingLeadRow {
  id: string;
  version: number;
  code: string;
  name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  method: string;
  sector: string | null;
  chain_link: string | null;
  chain_action: string | null;
  planned_investment_yuan: string | number | null;
  planned_output_yuan: string | number | null;
  likelihood: number | null;
  first_contact_on: string | null;
  last_follow_up_on: string | null;
  next_step: string | null;
  next_step_on: string | null;
  owner_id: string | null;
  owner_name: string | null;
  platform_contact: string | null;
}
/** A lead as a re-imported ledger row is compared with. */
export interface ExistingLead {
  id: string;
  version: number;
  code: string;
  name: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  method: string;
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
}

/**
 * The ledger's look-ups and set-based commits: the only SQL of the ledger module. The staged rows
 * come from the import engine as a relation `(row_no, data)` of the valid rows (`source`).
 */
export function createLedgerRepository() {
  return {
    /** Per lead, the agreement the ledger shows: its framework agreement at 框架协议, else its first investment agreement. */
    async ledgerAgreements(db: DbOrTx, leadIds: string[]) {
      if (!leadIds.length) return new Map<string, { signedOn: string; amountYuan: number }>();
      const rows = rowsOf<{ lead_id: string; signed_on: string; amount_yuan: string }>(
        await db.execute(sql`select distinct on (a.lead_id) a.lead_id, to_char(a.signed_on, 'YYYY-MM-DD') as signed_on, a.amount_yuan
          from agreements a join leads l on l.id = a.lead_id
          where a.lead_id = any(${sql.param(leadIds)}::uuid[]) and a.kind = case when l.stage = 'framework' then 'framework' else 'investment' end
          order by a.lead_id, a.signed_on, a.created_at`),
      );
      return new Map(rows.map((r) => [r.lead_id, { signedOn: r.signed_on, amountYuan: Number(r.amount_yuan) }]));
    },
    async zoneCode(db: DbOrTx, zoneId: string): Promise<string | undefined> {
      const rows = rowsOf<{ code: string }>(await db.execute(sql`select code from zones where id = ${uuidText(zoneId)}`));
      return rows[0]?.code;
    },
    async enterprisesByCodes(db: DbOrTx, codes: string[]) {
      if (!codes.length) return new Map<string, string>();
      const rows = rowsOf<{ id: string; credit_code: string }>(
        await db.execute(sql`select id, credit_code from enterprises where credit_code = any(${textArray(codes)})`),
      );
      return new Map(rows.map((r) => [r.credit_code, r.id]));
    },
    async enterprisesByNames(db: DbOrTx, names: string[]) {
      if (!names.length) return new Map<string, { id: string; creditCode: string | null }>();
      const rows = rowsOf<{ id: string; normalized_name: string; credit_code: string | null }>(
        await db.execute(sql`select distinct on (normalized_name) id, normalized_name, credit_code from enterprises
          where normalized_name = any(${textArray(names)}) order by normalized_name, created_at`),
      );
      return new Map(rows.map((r) => [r.normalized_name, { id: r.id, creditCode: r.credit_code }]));
    },
    /** The zone's leads with these ledger numbers, as an update compares them (a re-imported ledger). */
    async leadsByCodes(db: DbOrTx, zoneId: string, codes: string[]) {
      if (!codes.length) return new Map<string, ExistingLead>();
      const rows = rowsOf<ExistingLeadRow>(
        await db.execute(sql`select l.id, l.version, l.code, l.name, l.enterprise_id, e.name as enterprise_name, l.method, l.sector, l.chain_link, l.chain_action,
            l.planned_investment_yuan, l.planned_output_yuan, l.likelihood, to_char(l.first_contact_on, 'YYYY-MM-DD') as first_contact_on,
            to_char(l.last_follow_up_on, 'YYYY-MM-DD') as last_follow_up_on, l.next_step, to_char(l.next_step_on, 'YYYY-MM-DD') as next_step_on,
            l.owner_id, u.display_name as owner_name, l.platform_contact
          from leads l left join enterprises e on e.id = l.enterprise_id left join users u on u.id = l.owner_id
          where l.zone_id = ${uuidText(zoneId)} and l.code = any(${textArray(codes)})`),
      );
      return new Map(
        rows.map((r) => [
          r.code,
          {
            id: r.id,
            version: Number(r.version),
            code: r.code,
            name: r.name,
            enterpriseId: r.enterprise_id,
            enterpriseName: r.enterprise_name,
            method: r.method,
            sector: r.sector,
            chainLink: r.chain_link,
            chainAction: r.chain_action,
            plannedInvestmentYuan: r.planned_investment_yuan == null ? null : Number(r.planned_investment_yuan),
            plannedOutputYuan: r.planned_output_yuan == null ? null : Number(r.planned_output_yuan),
            likelihood: r.likelihood == null ? null : Number(r.likelihood),
            firstContactOn: r.first_contact_on,
            lastFollowUpOn: r.last_follow_up_on,
            nextStep: r.next_step,
            nextStepOn: r.next_step_on,
            ownerId: r.owner_id,
            ownerName: r.owner_name,
            platformContact: r.platform_contact,
          } satisfies ExistingLead,
        ]),
      );
    },
    /** Current versions of records (undo compares them with what the import left). */
    async versions(db: DbOrTx, table: 'leads' | 'enterprises', ids: string[]) {
      if (!ids.length) return new Map<string, { version: number; label: string }>();
      const label = table === 'leads' ? sql`code || ' ' || name` : sql`name`;
      const rows = rowsOf<{ id: string; version: number; label: string }>(
        await db.execute(sql`select id, version, ${label} as label from ${sql.identifier(table)} where id = any(${sql.param(ids)}::uuid[])`),
      );
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), label: r.label }]));
    },
    /** Leads of these ids that anything besides the import's own event and agreement refers to (activities, trips, files, projects…). */
    async deleteImportedLeads(db: DbOrTx, ids: string[]) {
      if (!ids.length) return 0;
      await db.execute(sql`delete from lead_events where lead_id = any(${sql.param(ids)}::uuid[]) and kind = 'imported'`);
      await db.execute(sql`delete from agreements where lead_id = any(${sql.param(ids)}::uuid[])`);
      const rows = rowsOf<{ n: number }>(await db.execute(sql`with d as (delete from leads where id = any(${sql.param(ids)}::uuid[]) returning 1) select count(*)::int as n from d`));
      return Number(rows[0].n);
    },
    /** Enterprises an import created (with the contacts it gave them). */
    async deleteImportedEnterprises(db: DbOrTx, ids: string[]) {
      if (!ids.length) return 0;
      await db.execute(sql`delete from enterprise_contacts where enterprise_id = any(${sql.param(ids)}::uuid[])`);
      const rows = rowsOf<{ n: number }>(await db.execute(sql`with d as (delete from enterprises where id = any(${sql.param(ids)}::uuid[]) returning 1) select count(*)::int as n from d`));
      return Number(rows[0].n);
    },
    async leadCodes(db: DbOrTx, zoneId: string, codes: string[]) {
      if (!codes.length) return new Set<string>();
      const rows = rowsOf<{ code: string }>(
        await db.execute(sql`select code from leads where zone_id = ${uuidText(zoneId)} and code = any(${textArray(codes)})`),
      );
      return new Set(rows.map((r) => r.code));
    },

    /**
     * Commits an enterprise list: the new enterprises and their first contacts, set-based (100k rows
     * in seconds; the enterprises service's findOrCreateInTx takes ~8 ms a row, see docs/imports.md).
     */
    async commitEnterprises(db: DbOrTx, source: SQL, zoneId: string) {
      // One statement, the staged rows read once (materialized): enterprises, their first contacts
      // (their foreign keys are checked at the statement's end, when the enterprises are there) and
      // the count of rows matched to an existing enterprise.
      const [row] = rowsOf<{ created: number; matched: number }>(
        await db.execute(sql`with src as materialized (select row_no, data from ${source} s),
          ins as (
            insert into enterprises (id, credit_code, name, normalized_name, legal_person, registered_capital_yuan, industry_code, region_code, address, created_in_zone_id)
            select (data->>'id')::uuid, data->>'creditCode', data->>'name', data->>'normalizedName', data->>'legalPerson', (data->>'registeredCapitalYuan')::bigint,
              data->>'industryCode', data->>'regionCode', data->>'address', ${uuidText(zoneId)}
            from src where data->>'matchId' is null
            order by row_no
            returning 1),
          contacts as (
            insert into enterprise_contacts (enterprise_id, name, title, phone, email)
            select coalesce((data->>'matchId')::uuid, (data->>'id')::uuid), data->>'contactName', data->>'contactTitle', data->>'contactPhone', data->>'contactEmail'
            from src where data->>'contactName' is not null and data->>'matchId' is null
            order by row_no
            returning 1)
          select (select count(*) from ins)::int as created, (select count(*) from src where data->>'matchId' is not null)::int as matched,
            (select count(*) from contacts)::int as contacts`),
      );
      return { enterprisesCreated: Number(row.created), enterprisesMatched: Number(row.matched), leadsCreated: 0 };
    },

    /**
     * Commits a lead import's leads (their new investors are registered before, through the
     * enterprises service: `investorIds` maps each staged investor id to the enterprise's id), with
     * ledger numbers generated after the zone's highest for rows that have none, then their timeline.
     */
    async commitLeads(
      db: DbOrTx,
      source: SQL,
      importId: string,
      zoneId: string,
      codePrefix: string,
      actor: { id: string; name: string },
      investorIds: Record<string, string>,
    ) {
      const base = rowsOf<{ n: number | null }>(
        await db.execute(sql`select max(substring(code from ${codePrefix.length + 1}::int)::int) as n from leads
          where zone_id = ${uuidText(zoneId)} and code like ${`${codePrefix}%`} and substring(code from ${codePrefix.length + 1}::int) ~ '^[0-9]+$'`),
      );
      const leadsCreated = rowsOf<{ n: number; agreements: number }>(
        await db.execute(sql`with src as (
            select data, row_no, row_number() over (partition by data->>'code' is null order by row_no) as seq
            from ${source} s
          ), ins as (
          insert into leads (id, zone_id, code, name, enterprise_id, method, stage, status, status_reason, lost_to_region, sector, chain_link, chain_action,
            planned_investment_yuan, planned_output_yuan, likelihood, first_contact_on, last_follow_up_on, next_step, next_step_on, owner_id, platform_contact)
          select (data->>'id')::uuid, ${uuidText(zoneId)},
            -- lpad would cut 1000 to '100': pad to three digits only what is shorter.
            coalesce(data->>'code', ${codePrefix} || case when ${Number(base[0]?.n ?? 0)} + seq < 1000 then lpad((${Number(base[0]?.n ?? 0)} + seq)::text, 3, '0') else (${Number(base[0]?.n ?? 0)} + seq)::text end),
            data->>'name', coalesce((data->>'enterpriseId')::uuid, (${JSON.stringify(investorIds)}::jsonb->>(data->'newEnterprise'->>'id'))::uuid), data->>'method', data->>'stage', data->>'status',
            data->>'statusReason', data->>'lostToRegion', data->>'sector', data->>'chainLink', data->>'chainAction',
            (data->>'plannedInvestmentYuan')::bigint, (data->>'plannedOutputYuan')::bigint, (data->>'likelihood')::smallint,
            (data->>'firstContactOn')::date, (data->>'lastFollowUpOn')::date, data->>'nextStep', (data->>'nextStepOn')::date,
            (data->>'ownerId')::uuid, data->>'platformContact'
          from src order by row_no
          returning id, zone_id, stage, owner_id)
          , ev as (
            insert into lead_events (zone_id, lead_id, kind, to_value, note, actor_id, actor_name)
            select zone_id, id, 'imported', stage, ${importId}, ${uuidText(actor.id)}, ${actor.name} from ins
            returning 1)
          , ag as (
            -- A lead at 框架协议 or 正式签约 comes with its agreement (the importer refused rows without one).
            insert into agreements (zone_id, lead_id, kind, signed_on, amount_yuan, note)
            select ${uuidText(zoneId)}, (data->>'id')::uuid, data->'agreement'->>'kind', (data->'agreement'->>'signedOn')::date,
              (data->'agreement'->>'amountYuan')::bigint, data->'agreement'->>'note'
            from src where jsonb_typeof(data->'agreement') = 'object' and (data->>'id')::uuid in (select id from ins)
            returning 1)
          select (select count(*)::int from ins) as n, (select count(*)::int from ag) as agreements`),
      );
      return { leadsCreated: Number(leadsCreated[0].n), agreementsCreated: Number(leadsCreated[0].agreements) };
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
