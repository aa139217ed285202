import { Link, useParams } from 'react-router';
import { Progress, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { linkStageLabels } from '../../../../contract/chains.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useProvinceChain } from '../api/chain';
import { strengthColours } from '../components/chain-graph';

/** The same chain across the caller's zones: which zones hold which links (a province or city viewer's page). */
export default function ProvinceChainPage() {
  const { key = '' } = useParams();
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const data = useProvinceChain(key);
  if (data.isPending) return <Skeleton active />;
  if (data.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={data.error.message} />;
  const { template, zones, links } = data.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={`${template.name} · ${t('chains.provinceTitle')}`} />
      <Typography.Text type="secondary">{t('chains.provinceHint', { n: zones.length })}</Typography.Text>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        bordered
        scroll={{ x: 200 + zones.length * 120 }}
        dataSource={links}
        columns={[
          {
            title: t('chains.link'),
            dataIndex: 'name',
            fixed: 'left',
            width: 180,
            render: (n, l) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{n}</Typography.Text>
                <Typography.Text type="secondary">
                  {linkStageLabels[l.stage][lang]} · {t('chains.zonesHolding', { n: l.zonesHolding, of: zones.length })}
                </Typography.Text>
              </Space>
            ),
          },
          ...zones.map((z) => ({
            title: (
              <Space direction="vertical" size={0}>
                <Link to={`/chains/${z.chainId}`}>{z.zoneName}</Link>
                <Progress percent={z.completenessPercent} size="small" showInfo={false} />
              </Space>
            ),
            key: z.zoneId,
            width: 120,
            render: (_: unknown, l: (typeof links)[number]) => {
              const cell = l.cells.find((c) => c.zoneId === z.zoneId);
              if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={strengthColours[cell.strength]}>
                    {cell.strength === 'gap' ? t('chains.strength.gap') : `${cell.enterpriseCount} ${t('chains.enterprisesUnit')}`}
                  </Tag>
                  {cell.leaders.slice(0, 1).map((n) => (
                    <Typography.Text key={n} style={{ fontSize: 12 }}>
                      ★ {n}
                    </Typography.Text>
                  ))}
                </Space>
              );
            },
          })),
        ]}
      />
    </Space>
  );
}
