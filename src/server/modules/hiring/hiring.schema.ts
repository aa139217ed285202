/**
 * 揽才: enterprises' demand posts, job fairs with the posts offered there, school partnerships
 * (订单式培养) with their enterprises. Zone-scoped; indexes lead with zone_id.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fairKinds, postCategories } from '../../../contract/services/enums.ts';
import { createdAt, day, id, updatedAt, version, yuan } from '../../db/schema/columns.ts';
import { zoneRef } from '../../db/schema/foundation.ts';
import { enterprises } from '../../db/schema/reference.ts';

/** A demand post (岗位需求): what an enterprise wants to hire, and how many it has filled. */
export const hiringPosts = pgTable(
  'hiring_posts',
  {
    id: id(),
    zoneId: zoneRef(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The zone's sector (产业) the enterprise counts under, e.g. 光机电. */
    sector: text('sector').notNull(),
    position: text('position').notNull(),
    category: text('category', { enum: postCategories }).notNull(),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull().default(0),
    /** Monthly pay range, yuan. */
    payMinYuan: yuan('pay_min_yuan'),
    payMaxYuan: yuan('pay_max_yuan'),
    requirements: text('requirements'),
    postedOn: day('posted_on').notNull(),
    deadlineOn: day('deadline_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('hiring_posts_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
    index('hiring_posts_zone_sector_idx').on(t.zoneId, t.sector),
    check('hiring_posts_counts_ck', sql`${t.headcount} > 0 and ${t.filled} >= 0 and ${t.filled} <= ${t.headcount}`),
    check('hiring_posts_pay_ck', sql`${t.payMinYuan} is null or ${t.payMaxYuan} is null or ${t.payMinYuan} <= ${t.payMaxYuan}`),
  ],
);

/** A job fair (招聘会): 专场, 外出 or 线上, with applicants and hires. */
export const hiringFairs = pgTable(
  'hiring_fairs',
  {
    id: id(),
    zoneId: zoneRef(),
    name: text('name').notNull(),
    heldOn: day('held_on').notNull(),
    place: text('place'),
    kind: text('kind', { enum: fairKinds }).notNull(),
    applicants: integer('applicants').notNull().default(0),
    hires: integer('hires').notNull().default(0),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('hiring_fairs_zone_held_idx').on(t.zoneId, t.heldOn),
    check('hiring_fairs_hires_ck', sql`${t.applicants} >= 0 and ${t.hires} >= 0 and ${t.hires} <= ${t.applicants}`),
  ],
);

/** The posts a fair offers (the enterprises attending follow from them). */
export const hiringFairPosts = pgTable(
  'hiring_fair_posts',
  {
    zoneId: zoneRef(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => hiringFairs.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => hiringPosts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.postId] }), index('hiring_fair_posts_zone_post_idx').on(t.zoneId, t.postId)],
);

/** A school partnership (校企合作), e.g. an 订单式培养 class for the zone's enterprises. */
export const hiringPartnerships = pgTable(
  'hiring_partnerships',
  {
    id: id(),
    zoneId: zoneRef(),
    school: text('school').notNull(),
    programme: text('programme').notNull(),
    classSize: integer('class_size'),
    startsOn: day('starts_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('hiring_partnerships_zone_school_programme_uq').on(t.zoneId, t.school, t.programme)],
);

export const hiringPartnershipEnterprises = pgTable(
  'hiring_partnership_enterprises',
  {
    zoneId: zoneRef(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => hiringPartnerships.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.enterpriseId] }), index('hiring_partnership_enterprises_zone_idx').on(t.zoneId, t.enterpriseId)],
);
