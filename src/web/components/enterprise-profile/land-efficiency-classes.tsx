/**
 * The enterprise's 亩均效益 classes on its profile (contract/land-efficiency.ts `history`): one row per
 * zone and year in the caller's zones, newest first; the newest class also labels the tab.
 */
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { figureFieldLabels, gradeLabels, landEfficiencyOperations, type Grade, type LandEfficiencyHistory } from '../../../contract/land-efficiency.ts';
import { useI18n } from '../../i18n/use-i18n';
import { callOperation } from '../../lib/api-client';
import { useSession } from '../../lib/session-context';

const colours: Record<Grade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const words = {
  'zh-CN': { tab: '亩均效益', year: '年度', zone: '评价开发区', grade: '等级', score: '综合得分', rank: '名次', none: '尚无亩均效益评价结果', missing: '缺：' },
  'en-US': { tab: 'Land efficiency', year: 'Year', zone: 'Zone', grade: 'Class', score: 'Score', rank: 'Rank', none: 'Not evaluated yet', missing: 'Missing: ' },
};

export function useEnterpriseLandEfficiency(enterpriseId: string) {
  const { hasPermission } = useSession();
  return useQuery({
    queryKey: ['enterprise-land-efficiency', enterpriseId],
    queryFn: () => callOperation(landEfficiencyOperations.history, { query: { enterpriseId } }),
    enabled: hasPermission('land_efficiency.read'),
  });
}

export function LandEfficiencyGradeTag({ grade }: { grade: Grade | null }) {
  const { locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  return grade ? (
    <Tag color={colours[grade]} data-testid="profile-grade">
      {gradeLabels[grade][lang]}
    </Tag>
  ) : (
    <Tag data-testid="profile-grade">{gradeLabels.incomplete[lang]}</Tag>
  );
}

/** The tab's label: 亩均效益 and the newest class. */
export function LandEfficiencyTabLabel({ history }: { history: LandEfficiencyHistory | undefined }) {
  const { locale } = useI18n();
  const latest = history?.[0];
  return (
    <span>
      {words[locale === 'en-US' ? 'en-US' : 'zh-CN'].tab}
      {latest?.grade && (
        <Tag color={colours[latest.grade]} style={{ marginInlineStart: 6 }} data-testid="profile-grade-latest">
          {latest.grade}
        </Tag>
      )}
    </span>
  );
}

export function LandEfficiencyClasses({ history, loading }: { history: LandEfficiencyHistory | undefined; loading: boolean }) {
  const { locale } = useI18n();
  const w = words[locale === 'en-US' ? 'en-US' : 'zh-CN'];
  const lang = locale === 'en-US' ? 1 : 0;
  return (
    <Table
      rowKey={(r) => `${r.zoneId}-${r.year}`}
      size="small"
      pagination={false}
      loading={loading}
      dataSource={history ?? []}
      locale={{ emptyText: w.none }}
      data-testid="profile-land-efficiency"
      columns={[
        { title: w.year, dataIndex: 'year' },
        { title: w.zone, dataIndex: 'zoneName' },
        {
          title: w.grade,
          dataIndex: 'grade',
          render: (g, r) => (
            <>
              <LandEfficiencyGradeTag grade={g} />
              {r.missing.length > 0 && (
                <Typography.Text type="secondary">
                  {w.missing}
                  {r.missing.map((m) => figureFieldLabels[m][lang]).join(lang ? ', ' : '、')}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: w.score, dataIndex: 'score', align: 'right', render: (v) => v ?? '—' },
        { title: w.rank, dataIndex: 'rank', align: 'right', render: (v, r) => (v == null ? '—' : `${v} / ${r.of}`) },
      ]}
    />
  );
}
