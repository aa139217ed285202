import { asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;

export function createEnterprisesRepository() {
  return {
    async findById(db: DbOrTx, id: string): Promise<EnterpriseRow | undefined> {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
      return row;
    },
    async findByCreditCode(db: DbOrTx, creditCode: string): Promise<EnterpriseRow | undefined> {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.creditCode, creditCode));
      return row;
    },
    findByNormalizedName: (db: DbOrTx, normalizedName: string) => db.select().from(enterprises).where(eq(enterprises.normalizedName, normalizedName)),

    async list(db: DbOrTx, filter: { q?: string; normalizedQ?: string }, page: { page: number; pageSize: number }) {
      let where: SQL | undefined;
      if (filter.q) {
        const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where = or(ilike(enterprises.name, like(filter.q)), ilike(enterprises.normalizedName, like(filter.normalizedQ ?? filter.q)), eq(enterprises.creditCode, filter.q.toUpperCase()));
      }
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(enterprises)
          .where(where)
          .orderBy(asc(enterprises.normalizedName))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ total: count() }).from(enterprises).where(where),
      ]);
      return { items, total: Number(total) };
    },

    async insert(db: DbOrTx, values: typeof enterprises.$inferInsert): Promise<EnterpriseRow> {
      const [row] = await db.insert(enterprises).values(values).returning();
      return row;
    },

    update: (db: DbOrTx, id: string, version: number, patch: Partial<typeof enterprises.$inferInsert>) => updateVersioned(db, enterprises, id, version, patch),
  };
}

export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>;
