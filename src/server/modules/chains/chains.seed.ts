/**
 * Demo chains: the three demo zones' industry plans, sectors and two or three chains each (copied
 * from the templates), enterprises with their 链主 on most links, a gap or two per chain with a
 * target list, one target already made into a lead, roadmap items, and the enterprises' honours and
 * yearly figures, so a newcomer sees strength, gaps and conversion at work. Deterministic ids
 * (demoId) and figures (seededRandom); dates around the seed clock's today.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, leadEvents, leads } from '../../db/schema.ts';
import { addDays } from '../../../contract/periods.ts';
import { creditCodeCheckChar } from '../../../contract/credit-code.ts';
import type { HonourKind, LinkRole } from '../../../contract/chains/enums.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { demoId, seededRandom } from '../../seed/demo-ids.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { templateByKey } from './chain-templates.ts';
import {
  chainLinkEnterprises,
  chainLinkProjects,
  chainLinks,
  chainRoadmapItems,
  chainTargets,
  chains,
  enterpriseCooperations,
  enterpriseHonours,
  enterpriseProductionLines,
  enterpriseYearlyFigures,
  industryPlans,
  sectors,
} from './chains.schema.ts';

interface DemoChain {
  key: string;
  template: string;
  /** Template links left empty (the gaps 补链 aims at). */
  gaps: string[];
  /** Template links whose first enterprise is the 链主. */
  leaders: string[];
}
interface DemoSector {
  key: string;
  name: string;
  role: 'leading' | 'supporting';
  targetYi: number;
  year: number;
  codes: string[];
  chains: DemoChain[];
}
interface DemoZonePlan {
  zone: string;
  code: string;
  region: string;
  plan: string;
  summary: string;
  owner: string;
  brands: string[];
  sectors: DemoSector[];
}

export const demoChainPlans: DemoZonePlan[] = [
  {
    zone: 'fendong',
    code: 'FD',
    region: '140802',
    plan: '1+2+N',
    summary: '一主导（新材料）两支撑（智能装备、现代物流），N 个细分产业链',
    owner: 'officer',
    brands: ['晋铜', '汾河', '盐湖', '河东', '舜都', '条山', '银湖', '凤凰'],
    sectors: [
      {
        key: 'materials',
        name: '新材料',
        role: 'leading',
        targetYi: 300,
        year: 2027,
        codes: ['30', '32'],
        chains: [
          { key: 'copper', template: 'copper', gaps: ['cu-super'], leaders: ['cu-cathode', 'cu-strip'] },
          { key: 'carbon', template: 'carbon', gaps: ['c-composite', 'c-graphene'], leaders: ['c-needle'] },
        ],
      },
      {
        key: 'equipment',
        name: '智能装备',
        role: 'supporting',
        targetYi: 100,
        year: 2027,
        codes: ['36', '37', '38'],
        chains: [{ key: 'rail', template: 'rail-equipment', gaps: ['te-signal'], leaders: ['te-vehicle'] }],
      },
    ],
  },
  {
    zone: 'hejin',
    code: 'HJ',
    region: '140882',
    plan: '一主导两支撑',
    summary: '以有色金属新材料为主导，煤化工与现代服务业为支撑',
    owner: 'hejin',
    brands: ['龙门', '禹门', '华鑫', '黄河', '汾阴', '薛峰'],
    sectors: [
      {
        key: 'nonferrous',
        name: '有色金属新材料',
        role: 'leading',
        targetYi: 500,
        year: 2028,
        codes: ['32', '33'],
        chains: [{ key: 'copper', template: 'copper', gaps: ['cu-target'], leaders: ['cu-cathode'] }],
      },
      {
        key: 'coalchem',
        name: '煤化工',
        role: 'supporting',
        targetYi: 200,
        year: 2027,
        codes: ['25', '26'],
        chains: [{ key: 'carbon', template: 'carbon', gaps: ['c-fibre', 'c-composite'], leaders: ['c-tar'] }],
      },
    ],
  },
  {
    zone: 'yuncheng-hitech',
    code: 'YC',
    region: '140802',
    plan: '3+3',
    summary: '电子信息、生物医药、新能源三大主导，配套三个特色园区',
    owner: 'gaoxin',
    brands: ['运芯', '华晋', '河东', '中条', '关圣', '鹳雀', '永乐'],
    sectors: [
      {
        key: 'electronics',
        name: '电子信息',
        role: 'leading',
        targetYi: 100,
        year: 2027,
        codes: ['39'],
        chains: [{ key: 'semi', template: 'semi-packaging', gaps: ['sp-equipment'], leaders: ['sp-package'] }],
      },
      {
        key: 'bio',
        name: '生物医药',
        role: 'leading',
        targetYi: 50,
        year: 2028,
        codes: ['27', '35'],
        chains: [{ key: 'bio', template: 'biomedicine', gaps: ['bm-bio', 'bm-device'], leaders: ['bm-formulation'] }],
      },
      {
        key: 'energy',
        name: '新能源',
        role: 'supporting',
        targetYi: 80,
        year: 2027,
        codes: ['38'],
        chains: [{ key: 'lithium', template: 'lithium', gaps: ['li-separator', 'li-recycle'], leaders: ['li-cell'] }],
      },
    ],
  },
];

const targetRegions = [
  ['320500', '江苏省苏州市'],
  ['330200', '浙江省宁波市'],
  ['440300', '广东省深圳市'],
  ['310000', '上海市'],
  ['370200', '山东省青岛市'],
  ['610100', '陕西省西安市'],
] as const;

function creditCode(key: string, regionCode: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const hex = demoId(`chain-credit:${key}`).replace(/-/g, '');
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 31];
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The demo chains of the three demo zones (skipped for a zone the database does not hold). */
export async function seedChains(tx: DbOrTx, options: { clock: Clock }) {
  const today = chinaToday(options.clock);
  const year = Number(today.slice(0, 4));
  const rand = seededRandom(20261113);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  let placed = 0;

  for (const zp of demoChainPlans) {
    const zoneId = demoId(`zone:${zp.zone}`);
    const ownerId = demoId(`user:${zp.owner}`);
    await tx.insert(industryPlans).values({ id: demoId(`industry-plan:${zp.zone}`), zoneId, name: zp.plan, summary: zp.summary });
    let brandNo = 0;
    let leadNo = 0;
    for (const [si, sec] of zp.sectors.entries()) {
      const sectorId = demoId(`sector:${zp.zone}:${sec.key}`);
      await tx.insert(sectors).values({
        id: sectorId,
        zoneId,
        name: sec.name,
        role: sec.role,
        clusterTargetYuan: sec.targetYi * 100_000_000,
        clusterTargetYear: sec.year,
        industryCodes: sec.codes,
        position: si,
        description: `打造${sec.targetYi}亿级${sec.name}产业集群`,
      });
      for (const [ci, dc] of sec.chains.entries()) {
        const t = templateByKey.get(dc.template)!;
        const chainId = demoId(`chain:${zp.zone}:${dc.key}`);
        const linkId = (key: string) => demoId(`chain-link:${zp.zone}:${dc.key}:${key}`);
        await tx.insert(chains).values({ id: chainId, zoneId, sectorId, name: t.name, description: t.description, templateKey: t.key, position: ci });
        await tx.insert(chainLinks).values(
          t.links.map((l, i) => ({
            id: linkId(l.key),
            zoneId,
            chainId,
            parentLinkId: l.parentKey ? linkId(l.parentKey) : null,
            name: l.name,
            stage: l.stage,
            position: i,
            products: l.products,
            industryCodes: l.industryCodes,
            templateLinkKey: l.key,
          })),
        );
        await recordAudit(tx, systemActor, {
          zoneId,
          action: 'chain.create',
          entityType: 'chain',
          entityId: chainId,
          after: { name: t.name, templateKey: t.key },
        });

        for (const l of t.links) {
          if (dc.gaps.includes(l.key)) {
            // A gap: two companies to approach, the first already made into a lead.
            for (let k = 0; k < 2; k++) {
              const [regionCode, regionName] = targetRegions[(brandNo + k) % targetRegions.length];
              const company = `${regionName.replace(/^(.*?省|上海市)/, '').replace(/市$/, '') || '上海'}${['恒拓', '新瑞', '德润', '科锐'][(brandNo + k) % 4]}${l.name.replace(/[（(].*?[）)]/g, '').slice(0, 6)}科技有限公司`;
              const targetId = demoId(`chain-target:${zp.zone}:${dc.key}:${k === 0 && l.key === dc.gaps[0] ? 0 : `${l.key}:${k}`}`);
              let leadId: string | null = null;
              if (k === 0 && l.key === dc.gaps[0]) {
                leadNo += 1;
                leadId = demoId(`chain-lead:${zp.zone}:${dc.key}`);
                const [lead] = await tx
                  .insert(leads)
                  .values({
                    id: leadId,
                    zoneId,
                    code: `${zp.code}-CL-${String(leadNo).padStart(2, '0')}`,
                    name: `${company}${l.name}项目`,
                    method: 'chain',
                    stage: 'contact',
                    sector: sec.name,
                    chainLink: l.name.slice(0, 60),
                    chainLinkId: linkId(l.key),
                    chainAction: 'fill',
                    firstContactOn: addDays(today, -20),
                    lastFollowUpOn: addDays(today, -6),
                    nextStep: '邀请来区考察',
                    nextStepOn: addDays(today, 10),
                    ownerId,
                  })
                  .returning();
                await tx
                  .insert(leadEvents)
                  .values({ zoneId, leadId: lead.id, kind: 'created', toValue: 'contact', note: '产业链招商目标', actorName: 'system' });
              }
              await tx.insert(chainTargets).values({
                id: targetId,
                zoneId,
                linkId: linkId(l.key),
                action: 'fill',
                source: 'manual',
                companyName: company,
                normalizedName: normalizeEnterpriseName(company),
                regionCode,
                regionName,
                reason: `补齐「${l.name}」环节`,
                ownerId,
                status: leadId ? 'lead_made' : 'open',
                leadId,
              });
            }
            brandNo += 1;
            continue;
          }
          const count = dc.leaders.includes(l.key) ? between(2, 4) : between(1, 3);
          for (let k = 0; k < count; k++) {
            const brand = zp.brands[brandNo % zp.brands.length];
            brandNo += 1;
            const key = `${zp.zone}:${dc.key}:${l.key}:${k}`;
            const name = `山西${brand}${l.name
              .replace(/[（(].*?[）)]/g, '')
              .replace(/与/g, '')
              .slice(0, 6)}${k ? ['材料', '科技', '实业'][k % 3] : ''}有限公司`;
            const enterpriseId = demoId(`chain-enterprise:${key}`);
            await tx
              .insert(enterprises)
              .values({
                id: enterpriseId,
                name,
                normalizedName: normalizeEnterpriseName(name),
                creditCode: creditCode(key, zp.region),
                industryCode: l.industryCodes[0] ?? null,
                regionCode: zp.region,
                createdInZoneId: zoneId,
                registeredCapitalYuan: between(5, 200) * 1_000_000,
              })
              .onConflictDoNothing();
            const role: LinkRole = k === 0 && dc.leaders.includes(l.key) ? 'leader' : k === 0 ? 'backbone' : 'supporting';
            await tx.insert(chainLinkEnterprises).values({
              id: demoId(`chain-placement:${zp.zone}:${dc.key}:${l.key}:${k}`),
              zoneId,
              linkId: linkId(l.key),
              enterpriseId,
              role,
              note: role === 'leader' ? '链主企业，带动上下游配套' : null,
            });
            placed += 1;
            // Two years of figures; a leader is large, a lone supplier small (its link weak).
            const scale = role === 'leader' ? between(20, 80) : role === 'backbone' ? between(3, 15) : between(1, 4);
            const land = between(40, 400);
            for (const y of [year - 2, year - 1]) {
              const output = scale * 100_000_000 * (y === year - 1 ? 1.1 : 1) * (0.8 + rand() * 0.4);
              await tx.insert(enterpriseYearlyFigures).values({
                enterpriseId,
                year: y,
                outputYuan: Math.round(output / 10_000) * 10_000,
                revenueYuan: Math.round((output * 0.95) / 10_000) * 10_000,
                taxYuan: Math.round((output * (0.03 + rand() * 0.03)) / 10_000) * 10_000,
                landMu: String(land),
                energyTce: String(Math.round(output / 1_000_000) * 8),
                emissionsTonnes: String(Math.round(output / 1_000_000) * 15),
                employees: Math.round(scale * 40 + between(20, 80)),
                rndYuan: Math.round((output * (0.02 + rand() * 0.03)) / 10_000) * 10_000,
                enteredInZoneId: zoneId,
              });
            }
            const honours: [HonourKind, number][] = [['above_scale', year - 1]];
            if (role === 'leader') honours.push(['high_tech', year - 3], ['province_tech_center', year - 2]);
            if (role === 'backbone') honours.push(['srdi_sme', year - 2]);
            if (role === 'backbone' && brandNo % 3 === 0) honours.push(['little_giant', year - 1]);
            await tx.insert(enterpriseHonours).values(
              honours.map(([kind, y]) => ({
                enterpriseId,
                kind,
                year: y,
                issuer: kind === 'little_giant' ? '工业和信息化部' : '山西省工业和信息化厅',
                enteredInZoneId: zoneId,
              })),
            );
            if (role === 'leader') {
              await tx.insert(enterpriseProductionLines).values({
                enterpriseId,
                name: `${l.products[0] ?? l.name}生产线`,
                products: l.products.join('、'),
                capacity: String(between(2, 20) * 10_000),
                capacityUnit: '吨/年',
                status: 'operating',
                enteredInZoneId: zoneId,
              });
              await tx.insert(enterpriseCooperations).values({
                enterpriseId,
                kind: 'tripartite',
                title: `${l.name}联合实验室三方合作协议`,
                partnerName: ['太原理工大学', '中北大学', '山西大学'][brandNo % 3],
                partnerKind: 'university',
                otherParties: [`${zp.zone === 'hejin' ? '河津经济技术开发区' : zp.zone === 'fendong' ? '汾东经济技术开发区' : '运城高新技术产业开发区'}管委会`],
                signedOn: addDays(today, -200),
                enteredInZoneId: zoneId,
              });
            }
          }
        }

        // The roadmap: a target region, a planned trip, a held event.
        const firstGap = dc.gaps[0];
        await tx.insert(chainRoadmapItems).values([
          {
            id: demoId(`chain-roadmap:${zp.zone}:${dc.key}:0`),
            zoneId,
            chainId,
            linkId: firstGap ? linkId(firstGap) : null,
            kind: 'region',
            title: `长三角${t.name.replace('产业链', '')}企业集聚区`,
            targetRegionCode: '320500',
            targetRegionName: '江苏省苏州市',
            ownerId,
            plannedOn: addDays(today, 15),
            status: 'planned',
          },
          {
            zoneId,
            chainId,
            linkId: firstGap ? linkId(firstGap) : null,
            kind: 'trip',
            title: `赴深圳开展${t.name.replace('产业链', '')}补链招商`,
            targetRegionCode: '440300',
            targetRegionName: '广东省深圳市',
            ownerId,
            plannedOn: addDays(today, 30),
            plannedUntil: addDays(today, 33),
            status: 'planned',
          },
          {
            zoneId,
            chainId,
            kind: 'event',
            title: `${t.name.replace('产业链', '')}产业链招商推介会`,
            ownerId,
            plannedOn: addDays(today, -30),
            status: 'done',
            outcome: '对接企业 12 家，达成合作意向 3 个',
            leadId: firstGap ? demoId(`chain-lead:${zp.zone}:${dc.key}`) : null,
          },
        ]);
      }
    }
  }

  // Demo leads and projects whose free-text chain link names a seeded link sit on it.
  await tx.execute(sql`update leads set chain_link_id = l.id from chain_links l
    where leads.zone_id = l.zone_id and leads.chain_link_id is null and leads.chain_link is not null and length(leads.chain_link) >= 2
      and (position(leads.chain_link in l.name) > 0 or position(l.name in leads.chain_link) > 0)`);
  await tx.execute(sql`insert into chain_link_projects (zone_id, link_id, project_id)
    select distinct on (p.id) p.zone_id, l.id, p.id from projects p join chain_links l on l.zone_id = p.zone_id
    where p.chain_link_text is not null and length(p.chain_link_text) >= 2 and (position(p.chain_link_text in l.name) > 0 or position(l.name in p.chain_link_text) > 0)
    order by p.id, l.position on conflict do nothing`);
  // 河津's 高端铝型材 project on its 板带箔材 link (the security walk's record of another zone).
  await tx
    .insert(chainLinkProjects)
    .values({
      id: demoId('chain-project:hejin:copper'),
      zoneId: demoId('zone:hejin'),
      linkId: demoId('chain-link:hejin:copper:cu-strip'),
      projectId: demoId('project:hejin-profile'),
    })
    .onConflictDoNothing();
  return { placements: placed };
}
