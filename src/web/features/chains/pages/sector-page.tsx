import { useParams } from 'react-router';
import { Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { sectorRoleLabels } from '../../../../contract/chains.ts';
import { industryLabel } from '../../../../contract/industries.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useSectorPage } from '../api/plan';
import { ChainList } from './plan-page';

/** A sector (板块): its role, cluster target, GB/T 4754 classes and its chains. */
export default function SectorPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const page = useSectorPage(id);
  if (page.isPending) return <Skeleton active />;
  if (page.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={page.error.message} />;
  const { sector: s, chains } = page.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space>
            {s.name}
            <Tag color={s.role === 'leading' ? 'blue' : undefined}>{sectorRoleLabels[s.role][lang]}</Tag>
          </Space>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('chains.clusterTargetLabel')}>
          {s.clusterTargetYuan ? t('chains.clusterTarget', { amount: formatMoney(s.clusterTargetYuan, locale), year: s.clusterTargetYear ?? '' }) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('chains.industryCodes')}>
          {s.industryCodes.map((c) => (
            <Tag key={c}>{industryLabel(c) ?? c}</Tag>
          ))}
        </Descriptions.Item>
        {s.description && <Descriptions.Item label={t('chains.description')}>{s.description}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title={t('chains.chains')}>
        <ChainList chains={chains} />
      </Card>
    </Space>
  );
}
