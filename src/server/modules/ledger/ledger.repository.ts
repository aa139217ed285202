import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';

const uuidText = (s: string) => sql`${s}::uuid`;
/** A text[] literal as one parameter (a JS array would be spread into a list by drizzle). */
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`;

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
      const created = rowsOf<{ n: number }>(
        await db.execute(sql`with ins as (
          insert into enterprises (id, credit_code, name, normalized_name, legal_person, registered_capital_yuan, industry_code, region_code, address, created_in_zone_id)
          select (data->>'id')::uuid, data->>'creditCode', data->>'name', data->>'normalizedName', data->>'legalPerson', (data->>'registeredCapitalYuan')::bigint,
            data->>'industryCode', data->>'regionCode', data->>'address', ${uuidText(zoneId)}
          from ${source} s where data->>'matchId' is null
          order by row_no
          returning 1)
          select count(*)::int as n from ins`),
      );
      await db.execute(sql`insert into enterprise_contacts (enterprise_id, name, title, phone, email)
        select coalesce((data->>'matchId')::uuid, (data->>'id')::uuid), data->>'contactName', data->>'contactTitle', data->>'contactPhone', data->>'contactEmail'
        from ${source} s where data->>'contactName' is not null and data->>'matchId' is null
        order by row_no`);
      const matched = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from ${source} s where data->>'matchId' is not null`),
      );
      return { enterprisesCreated: Number(created[0].n), enterprisesMatched: Number(matched[0].n), leadsCreated: 0 };
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
