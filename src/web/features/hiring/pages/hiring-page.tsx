import { Button, Tabs } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { FairsTab } from '../components/fairs-tab';
import { PartnershipsTab } from '../components/partnerships-tab';
import { PostsTab } from '../components/posts-tab';
import { SummaryTab } from '../components/summary-tab';

/** 揽才服务: totals, demand posts, job fairs and school partnerships in the header's zone. */
export default function HiringPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const { hasPermission } = useSession();
  const listZone = current.zoneId;
  const writeZone = current.zoneId ?? (current.zones.length === 1 ? current.zones[0].id : null);
  return (
    <div>
      <PageHeader
        title={t('hiring.title')}
        extra={
          hasPermission('hiring.manage') && (
            <Link to="/hiring/import">
              <Button icon={<UploadOutlined />}>{t('hiring.import')}</Button>
            </Link>
          )
        }
      />
      <Tabs
        items={[
          { key: 'summary', label: t('hiring.tab.summary'), children: <SummaryTab zoneId={listZone} /> },
          { key: 'posts', label: t('hiring.tab.posts'), children: <PostsTab zoneId={writeZone} listZone={listZone} /> },
          { key: 'fairs', label: t('hiring.tab.fairs'), children: <FairsTab zoneId={writeZone} listZone={listZone} /> },
          { key: 'partnerships', label: t('hiring.tab.partnerships'), children: <PartnershipsTab zoneId={writeZone} listZone={listZone} /> },
        ]}
      />
    </div>
  );
}
