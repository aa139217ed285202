/**
 * Demo data of 亩均效益评价: the 工业增加值 of every seeded yearly figure (≈ 22–35% of output), two
 * enterprises of 汾东 with gaps (数据不全), 汾东's policy for last year (the defaults, 3 亩 and up) and
 * 河津's (by cut-off scores), and an evaluation of each demo zone for the two years before the seed's
 * (so the page shows A/B/C/D at once). `--scale province` adds 50 enterprises with land and figures
 * to each extra zone, evaluated too (≈ 5,000 in all, for the bench and the province ranking).
 */
import { sql } from 'drizzle-orm';
import { defaultLandEfficiencyPolicy, type LandEfficiencyPolicy } from '../../../contract/land-efficiency.ts';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { provinceZones } from '../org/org.seed.ts';
import { createLandEfficiencyRepository } from './land-efficiency.repository.ts';
import { landEfficiencyConfigs } from './land-efficiency.schema.ts';
import { runInTx } from './land-efficiency.service.ts';

const demoZoneKeys = ['fendong', 'hejin', 'yuncheng-hitech'];

export const hejinPolicy: LandEfficiencyPolicy = { ...defaultLandEfficiencyPolicy, classMethod: 'cutoffs', cutoffs: { A: 100, B: 85, C: 65 } };

export async function seedLandEfficiency(tx: DbOrTx, options: { scale: 'demo' | 'province'; clock: Clock }) {
  const year = Number(chinaToday(options.clock).slice(0, 4));
  const repo = createLandEfficiencyRepository();
  const fendong = demoId('zone:fendong');

  // 工业增加值 where the figures have output but none yet: a stable 22–35% of output per enterprise and year.
  await tx.execute(sql`update enterprise_yearly_figures set value_added_yuan =
      round(output_yuan * (22 + ('x' || substr(md5(enterprise_id::text || year), 1, 4))::bit(16)::int % 14) / 100.0 / 10000) * 10000
    where value_added_yuan is null and output_yuan is not null`);

  // Two of 汾东's enterprises with gaps: one never reports energy or emissions, one reported only the year before last.
  const gaps = [
    { key: 'land-efficiency:fendong:foundry', name: '山西汾东精密铸造有限公司', years: [year - 2, year - 1], energy: false },
    { key: 'land-efficiency:fendong:packaging', name: '运城市汾东包装制品有限公司', years: [year - 2], energy: true },
  ];
  for (const g of gaps) {
    const id = demoId(g.key);
    await tx.insert(enterprises).values({ id, name: g.name, normalizedName: normalizeEnterpriseName(g.name), regionCode: '140802', createdInZoneId: fendong });
    for (const y of g.years)
      await tx.execute(sql`insert into enterprise_yearly_figures (enterprise_id, year, output_yuan, revenue_yuan, tax_yuan, value_added_yuan, land_mu, energy_tce,
          emissions_tonnes, employees, rnd_yuan, entered_in_zone_id)
        values (${id}::uuid, ${y}, 86000000, 82000000, 2100000, 21500000, 48, ${g.energy ? 690 : null}, ${g.energy ? 1290 : null}, 96, 1200000, ${fendong}::uuid)`);
  }

  await tx.insert(landEfficiencyConfigs).values([
    { zoneId: fendong, year: year - 1, ...defaultLandEfficiencyPolicy, minLandMu: 3 },
    { zoneId: demoId('zone:hejin'), year: year - 1, ...hejinPolicy },
  ]);

  const extra = options.scale === 'province' ? provinceZones(100).map((z) => demoId(`zone:${z.key}`)) : [];
  // One array literal: drizzle would send a JS array as a row of parameters, not as uuid[].
  const extraArray = `{${extra.join(',')}}`;
  if (extra.length) {
    await tx.execute(sql`
      insert into enterprises (id, name, normalized_name, created_in_zone_id)
        select md5('le-ent-' || z || '-' || k)::uuid, '亩均基准企业' || z || '-' || k || '有限公司', '亩均基准企业' || z || '-' || k, zid
        from unnest(${extraArray}::uuid[]) with ordinality as t(zid, z), generate_series(1, 50) k`);
    await tx.execute(sql`
      insert into enterprise_yearly_figures (enterprise_id, year, output_yuan, revenue_yuan, tax_yuan, value_added_yuan, land_mu, energy_tce, emissions_tonnes, employees, rnd_yuan,
          entered_in_zone_id)
        select md5('le-ent-' || z || '-' || k)::uuid, y, o, o * 95 / 100, o * (2 + k % 5) / 100, o * (20 + k % 15) / 100, 20 + (k * 37) % 380,
          o / 1000000 * (5 + k % 7), o / 1000000 * (9 + k % 11), 40 + (k * 13) % 400, o * (1 + k % 4) / 100, zid
        from unnest(${extraArray}::uuid[]) with ordinality as t(zid, z), generate_series(1, 50) k, (values (${year - 2}::smallint), (${year - 1}::smallint)) as yy(y),
          lateral (select ((5 + (k * 7 + z) % 60) * 10000000)::bigint as o) oo`);
  }

  for (const zoneId of [...demoZoneKeys.map((k) => demoId(`zone:${k}`)), ...extra]) {
    for (const y of [year - 2, year - 1]) {
      const found = await repo.configFor(tx, zoneId, y);
      const policy = found
        ? ({ indicators: found.config.indicators, classMethod: found.config.classMethod, cutoffs: found.config.cutoffs, shares: found.config.shares, minLandMu: Number(found.config.minLandMu) } as LandEfficiencyPolicy)
        : defaultLandEfficiencyPolicy;
      await runInTx(tx, { repo, audit: recordAudit }, { zoneId, year: y, policy, policyYear: found?.config.year ?? null, runById: null, actor: systemActor });
    }
  }
}
