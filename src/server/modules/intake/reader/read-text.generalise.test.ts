import { describe, expect, it } from 'vitest';
import { findAmounts, parseNumber } from './amounts.ts';
import { readText } from './read-text.ts';

/** Texts written for these tests (not from the samples): the reader must read phrasings, not sentences it has seen. */
const REF = { referenceDate: '2026-11-25' };

describe('reader on texts it has not seen', () => {
  it('reads a three-sentence news item on one line', () => {
    const r = readText(
      '近日，太原经开区举行2026年第四季度重点项目集中签约仪式。现场签约项目6个，总投资28.5亿元。其中，总投资12亿元的晋阳芯谷半导体封装测试项目由山西晋阳芯谷科技有限公司投资建设，计划明年3月开工。',
      REF,
    );
    expect(r.zone).toBe('太原经开区');
    expect(r.projects).toHaveLength(1);
    expect(r.projects[0]).toMatchObject({ name: '晋阳芯谷半导体封装测试项目', total_investment_wan: 120000, investor: '山西晋阳芯谷科技有限公司', planned_start: '2027-03' });
    expect(r.figures).toContainEqual(expect.objectContaining({ what: '签约项目数', value: 6 }));
  });

  it('reads an investment agreement with an investor company as a lead, and no slogan or cluster target as a project', () => {
    const r = readText(
      '11月20日，榆次经开区与北京华能智电科技有限公司签订投资协议，该公司拟投资6亿元建设智能电表生产基地项目，一期投资2.5亿元。全力打造百亿级智能装备产业集群，推动项目早落地、早开工，坚持“项目为王”。',
      REF,
    );
    expect(r.projects).toEqual([]);
    expect(r.leads).toHaveLength(1);
    expect(r.leads[0]).toMatchObject({ enterprise: '北京华能智电科技有限公司', project_name: '智能电表生产基地项目', planned_investment_wan: 60000, phase1_investment_wan: 25000, stage: 'signed', signed: '2026-11-20' });
  });

  it('attaches amounts to the names they qualify, and a shared verb to every project of the list', () => {
    const r = readText('总投资40亿元的甲乙新能源电池项目、总投资5亿元的丙丁物流园项目同日开工。', REF);
    expect(r.projects.map((p) => [p.name, p.total_investment_wan, p.stage])).toEqual([
      ['甲乙新能源电池项目', 400000, 'started'],
      ['丙丁物流园项目', 50000, 'started'],
    ]);
  });

  it('joins an amount broken across a line, and reads before/after figures with their period', () => {
    const r = readText('截至10月底，侯马经开区规上工业总产值完成126亿元，同比增长8.2%，高新技术企业由去年的45家增加到52家。总投资 1.69\n亿元的侯马经开区智慧仓储项目已完成总工程量的30%。', REF);
    expect(r.projects[0]).toMatchObject({ total_investment_wan: 16900, percent_complete: 30, stage: 'construction' });
    expect(r.figures).toContainEqual(expect.objectContaining({ what: '规上工业总产值(万元)', value: 1260000, period: '2026-01/2026-10' }));
    expect(r.figures).toContainEqual(expect.objectContaining({ what: '规上工业总产值同比增长(%)', value: 8.2 }));
    expect(r.figures).toContainEqual(expect.objectContaining({ what: '高新技术企业数', value: 52, from: 45 }));
  });

  it('keeps approximate, ranged and dollar amounts out of exact fields, with their qualifier', () => {
    const r = readText('总投资约3亿元的甲方光伏支架项目计划明年开工；总投资2000万美元的乙方电子材料项目已签约；正在谋划的丙丁物流港项目预计总投资5-8亿元。', REF);
    for (const p of r.projects) expect(p.total_investment_wan).toBeUndefined();
    const kinds = r.projects.flatMap((p) => (p.inexact ?? []).map((i) => [i.kind, i.value, i.max ?? null, i.unit]));
    expect(kinds).toEqual([
      ['approx', 30000, null, '万元'],
      ['foreign', 2000, null, '万美元'],
      ['range', 50000, 80000, '万元'],
    ]);
  });

  it('splits a page of several reports into articles, each with its own zone', () => {
    const page = [
      '本报讯 11月3日，甲城经开区举行项目集中开工活动，集中开工项目5个，总投资20亿元。（记者 王一）',
      '甲城经开区5个项目集中开工',
      '山西甲城经济技术开发区',
      '本报讯 11月5日，乙县高新区与上海某某科技有限公司签订框架协议，拟投资3亿元建设传感器项目。（记者 李二）',
      '乙县高新区签约传感器项目',
    ].join('\n');
    const r = readText(page, REF);
    expect(r.articles.map((a) => [a.zone, a.reporter])).toEqual([
      ['甲城经开区', '王一'],
      ['乙县高新区', '李二'],
    ]);
    expect(r.articles[0]).toMatchObject({ zone_full: '山西甲城经济技术开发区', headline: '甲城经开区5个项目集中开工' });
    expect(r.zone).toBeNull();
    expect(r.leads[0]).toMatchObject({ enterprise: '上海某某科技有限公司', article: 1, stage: 'framework' });
    expect(r.figures.find((f) => f.what === '集中开工项目数')?.article).toBe(0);
  });
});

describe('numbers as written', () => {
  it.each([
    ['三亿五千万元', 35000],
    ['叁亿伍仟万元', 35000],
    ['1亿零500万元', 10500],
    ['8千万元', 8000],
    ['128,600万元', 128600],
    ['1,286,500元', 128.65],
    ['0.85亿元', 8500],
  ])('%s → %d 万元', (w, wan) => {
    expect(findAmounts(w)[0]).toMatchObject({ wan, currency: 'CNY' });
    expect(findAmounts(w)[0].qualifier).toBeUndefined();
  });

  it.each([
    ['两千余万元', 'approx'],
    ['近10亿元', 'approx'],
    ['超20亿元', 'approx'],
    ['5-8亿元', 'range'],
    ['5200元以上', 'bound'],
    ['1.5亿美元', 'foreign'],
  ])('%s is %s', (w, kind) => {
    expect(findAmounts(w)[0].qualifier).toBe(kind);
  });

  it.each([
    ['三十二', 32],
    ['一百二十六', 126],
    ['二百零八', 208],
    ['一千二百', 1200],
    ['1.2万', 12000],
  ])('count %s → %d', (w, n) => {
    expect(parseNumber(w)).toBe(n);
  });
});
