import type { DbOrTx } from '../../db/client.ts';
import { departments, parks, regions, zones } from '../../db/schema.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { gb2260Regions } from './gb2260.ts';
import { createOrgRepository } from './org.repository.ts';

/** Shanxi (山西省) and its eleven cities (GB/T 2260), plus the counties the demo zones sit in. */
export const shanxiRegions: (typeof regions.$inferInsert)[] = [
  { code: '140000', name: '山西省', level: 'province', parentCode: null },
  ...(
    [
      ['140100', '太原市'],
      ['140200', '大同市'],
      ['140300', '阳泉市'],
      ['140400', '长治市'],
      ['140500', '晋城市'],
      ['140600', '朔州市'],
      ['140700', '晋中市'],
      ['140800', '运城市'],
      ['140900', '忻州市'],
      ['141000', '临汾市'],
      ['141100', '吕梁市'],
    ] as const
  ).map(([code, name]) => ({ code, name, level: 'city' as const, parentCode: '140000' })),
  { code: '140802', name: '盐湖区', level: 'county', parentCode: '140800' },
  { code: '140881', name: '永济市', level: 'county', parentCode: '140800' },
  { code: '140882', name: '河津市', level: 'county', parentCode: '140800' },
];

/** The package's table, plus any of the demo's own codes it might lack (one row per code). */
export function allRegions(): (typeof regions.$inferInsert)[] {
  const byCode = new Map(gb2260Regions().map((r) => [r.code, r]));
  for (const r of shanxiRegions) if (!byCode.has(r.code)) byCode.set(r.code, r);
  return [...byCode.values()];
}

export interface DemoZone {
  key: string;
  code: string;
  name: string;
  shortName: string;
  kind: (typeof zones.$inferInsert)['kind'];
  regionCode: string;
  parks: string[];
}

/** The demo city (运城市) and its three zones. The first is the one the demo officers work in. */
export const demoZones: DemoZone[] = [
  {
    key: 'fendong',
    code: 'FDETDZ',
    name: '汾东经济技术开发区',
    shortName: '汾东经开区',
    kind: 'etdz',
    regionCode: '140802',
    parks: ['新材料产业园', '装备制造产业园', '现代物流园'],
  },
  { key: 'hejin', code: 'HJETDZ', name: '河津经济技术开发区', shortName: '河津开发区', kind: 'etdz', regionCode: '140882', parks: ['铝工业园', '煤化工园区'] },
  {
    key: 'yuncheng-hitech',
    code: 'YCHTZ',
    name: '运城高新技术产业开发区',
    shortName: '运城高新区',
    kind: 'hitech',
    regionCode: '140802',
    parks: ['电子信息产业园', '生物医药产业园'],
  },
];

export const departmentTemplate: { name: string; kind: (typeof departments.$inferInsert)['kind'] }[] = [
  { name: '党政办公室', kind: 'office' },
  { name: '投资促进局', kind: 'investment' },
  { name: '项目推进办公室', kind: 'project' },
  { name: '行政审批局', kind: 'approval' },
  { name: '企业服务局', kind: 'service' },
  { name: '规划建设局', kind: 'planning' },
];

export const departmentId = (zoneKey: string, kind: string) => demoId(`dept:${zoneKey}:${kind}`);

export async function seedZone(db: DbOrTx, z: DemoZone): Promise<string> {
  const zoneId = demoId(`zone:${z.key}`);
  await db.insert(zones).values({ id: zoneId, code: z.code, name: z.name, shortName: z.shortName, kind: z.kind, regionCode: z.regionCode });
  if (z.parks.length) await db.insert(parks).values(z.parks.map((name) => ({ id: demoId(`park:${z.key}:${name}`), zoneId, name })));
  await db
    .insert(departments)
    .values([
      ...departmentTemplate.map((d) => ({ id: departmentId(z.key, d.kind), zoneId, name: d.name, kind: d.kind })),
      { id: departmentId(z.key, 'platform'), zoneId, name: `${z.shortName.replace(/区$/, '')}投资发展集团有限公司`, kind: 'platform' as const },
    ]);
  return zoneId;
}

const cities = shanxiRegions.filter((r) => r.level === 'city');
const scaleKinds: [string, DemoZone['kind']][] = [
  ['经济技术开发区', 'etdz'],
  ['高新技术产业开发区', 'hitech'],
  ['新材料产业园区', 'provincial'],
  ['装备制造产业园区', 'provincial'],
  ['现代物流园区', 'provincial'],
  ['新能源产业园区', 'provincial'],
  ['食品工业园区', 'provincial'],
  ['循环经济园区', 'provincial'],
  ['综合改革示范园区', 'reform'],
];

/** Extra zones for `seed --scale province`: spread over Shanxi's cities until there are `total`. */
export function provinceZones(total: number): DemoZone[] {
  const result: DemoZone[] = [];
  for (let i = 0; result.length + demoZones.length < total; i++) {
    const city = cities[i % cities.length];
    const [suffix, kind] = scaleKinds[Math.floor(i / cities.length) % scaleKinds.length];
    const round = Math.floor(i / (cities.length * scaleKinds.length));
    const cityShort = city.name.replace(/市$/, '');
    const name = `${cityShort}${round ? `第${round + 1}` : ''}${suffix}`;
    result.push({
      key: `scale-${i}`,
      code: `SX${String(i).padStart(3, '0')}`,
      name,
      shortName: `${cityShort}${suffix.slice(0, 4)}`,
      kind,
      regionCode: city.code,
      parks: ['一号园区', '二号园区'],
    });
  }
  return result;
}

/** The demo organisation: every GB/T 2260 region and the demo zones (up to 100 zones at province scale). */
export async function seedDemoOrg(tx: DbOrTx, options: { scale: 'demo' | 'province' }): Promise<{ zones: number }> {
  await createOrgRepository().insertRegions(tx, allRegions());
  const all = [...demoZones, ...(options.scale === 'province' ? provinceZones(100) : [])];
  for (const z of all) {
    const zoneId = await seedZone(tx, z);
    await recordAudit(tx, systemActor, { zoneId, action: 'zone.create', entityType: 'zone', entityId: zoneId, after: { name: z.name, code: z.code } });
  }
  return { zones: all.length };
}
