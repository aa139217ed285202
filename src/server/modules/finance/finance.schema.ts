/**
 * Finance matchmaking (银企对接): enterprises' financing needs, institutions and their products,
 * matchmaking events (银企对接会), referrals and their outcomes (loans granted). Zone-scoped.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { financeNeedStatuses, institutionKinds, referralOutcomes } from '../../../contract/services/enums.ts';
import { createdAt, day, id, updatedAt, version, yuan } from '../../db/schema/columns.ts';
import { zoneRef } from '../../db/schema/foundation.ts';
import { enterprises } from '../../db/schema/reference.ts';

export const financeInstitutions = pgTable(
  'finance_institutions',
  {
    id: id(),
    zoneId: zoneRef(),
    name: text('name').notNull(),
    kind: text('kind', { enum: institutionKinds }).notNull(),
    contact: text('contact'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('finance_institutions_zone_name_uq').on(t.zoneId, t.name)],
);

export const financeProducts = pgTable(
  'finance_products',
  {
    id: id(),
    zoneId: zoneRef(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => financeInstitutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    maxAmountYuan: yuan('max_amount_yuan'),
    termMonths: integer('term_months'),
    rate: text('rate'),
    collateral: text('collateral'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('finance_products_zone_institution_idx').on(t.zoneId, t.institutionId)],
);

export const financeNeeds = pgTable(
  'finance_needs',
  {
    id: id(),
    zoneId: zoneRef(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    amountYuan: yuan('amount_yuan').notNull(),
    purpose: text('purpose').notNull(),
    termMonths: integer('term_months'),
    collateral: text('collateral'),
    raisedOn: day('raised_on').notNull(),
    status: text('status', { enum: financeNeedStatuses }).notNull().default('open'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('finance_needs_zone_raised_idx').on(t.zoneId, t.raisedOn)],
);

export const financeEvents = pgTable(
  'finance_events',
  {
    id: id(),
    zoneId: zoneRef(),
    name: text('name').notNull(),
    heldOn: day('held_on').notNull(),
    place: text('place'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('finance_events_zone_held_idx').on(t.zoneId, t.heldOn)],
);

export const financeReferrals = pgTable(
  'finance_referrals',
  {
    id: id(),
    zoneId: zoneRef(),
    needId: uuid('need_id')
      .notNull()
      .references(() => financeNeeds.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => financeInstitutions.id),
    productId: uuid('product_id').references(() => financeProducts.id, { onDelete: 'set null' }),
    eventId: uuid('event_id').references(() => financeEvents.id, { onDelete: 'set null' }),
    referredOn: day('referred_on').notNull(),
    outcome: text('outcome', { enum: referralOutcomes }).notNull().default('pending'),
    grantedYuan: yuan('granted_yuan'),
    grantedOn: day('granted_on'),
    /** Why a loan was declined, or what follows. */
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('finance_referrals_zone_referred_idx').on(t.zoneId, t.referredOn),
    index('finance_referrals_zone_need_idx').on(t.zoneId, t.needId),
    // A loan granted has its amount and day; nothing else carries an amount granted.
    check(
      'finance_referrals_granted_ck',
      sql`(${t.outcome} = 'granted') = (${t.grantedYuan} is not null and ${t.grantedOn} is not null) and (${t.grantedYuan} is null or ${t.grantedYuan} > 0)`,
    ),
  ],
);
