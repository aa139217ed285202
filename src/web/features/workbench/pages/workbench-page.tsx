import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useWorkbench } from '../api/get-workbench';
import { WhenVisible } from '../../../components/when-visible';
import { ZoneSummaryCard } from '../components/zone-summary-card';
import { LazyResult } from '../../../components/lazy-result';

/** The 驾驶舱 and its charts load only for those who see it. */
const KpiDashboard = lazy(() => import('../components/dashboard/kpi-dashboard').then((m) => ({ default: m.KpiDashboard })));
/** Roles whose 工作台 is the 驾驶舱 (leaders of a zone, city and province viewers). */
const dashboardRoles = ['zone_leader', 'deputy_leader', 'city_viewer', 'province_viewer'];
const viewerRoles = ['city_viewer', 'province_viewer'];
/** The to-do cards and what changed: under the 驾驶舱 (below the fold) they are fetched when scrolled to. */
const WorkbenchCards = lazy(() => import('../components/workbench-cards').then((m) => ({ default: m.WorkbenchCards })));

/**
 * 工作台: for a zone's leaders and the city and province viewers, the 驾驶舱 of the zone chosen in
 * the switcher (or of all their zones); for everyone else the zones they cover. Then the to-do cards
 * and what changed lately.
 */
export default function WorkbenchPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { zoneId } = useCurrentZone();
  const workbench = useWorkbench();

  const zones = (workbench.data?.zones ?? []).filter((z) => !zoneId || z.id === zoneId);
  const changes = (workbench.data?.recentChanges ?? []).filter((c) => !zoneId || c.zoneId === zoneId || c.zoneId === null);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.workbench')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('workbench.greeting', { name: me.user.displayName })}</Typography.Paragraph>

      {workbench.isError ? (
        <LazyResult
          status="warning"
          title={t('common.loadFailed')}
          subTitle={workbench.error.message}
          extra={<Button onClick={() => workbench.refetch()}>{t('common.retry')}</Button>}
        />
      ) : dashboardRoles.includes(me.user.role) ? (
        <>
          <Suspense
            fallback={
              // The 驾驶舱's place held while it loads: the cards under it stay below the fold (WhenVisible).
              <div style={{ minHeight: '150vh' }}>
                <Skeleton active paragraph={{ rows: 8 }} />
              </div>
            }
          >
            <KpiDashboard zoneId={zoneId} />
          </Suspense>
          {viewerRoles.includes(me.user.role) && (
            <Typography.Paragraph style={{ marginTop: 16 }} className="zd-no-print">
              <Link to="/rankings">{t('menu.rankings')} →</Link>
            </Typography.Paragraph>
          )}
          <WhenVisible placeholder={<Skeleton active style={{ marginTop: 24 }} />}>
            <WorkbenchCards workbench={workbench.data} pending={workbench.isPending} zoneId={zoneId} changes={changes} />
          </WhenVisible>
        </>
      ) : (
        <>
          <Typography.Title level={5}>{t('workbench.zones')}</Typography.Title>
          {workbench.isPending ? (
            <Row gutter={[16, 16]}>
              {[0, 1, 2].map((i) => (
                <Col key={i} xs={24} md={12} xl={8}>
                  <Card size="small">
                    <Skeleton active paragraph={{ rows: 2 }} />
                  </Card>
                </Col>
              ))}
            </Row>
          ) : zones.length === 0 ? (
            <Empty description={t('workbench.noZones')} />
          ) : (
            <Row gutter={[16, 16]}>
              {zones.map((zone) => (
                <Col key={zone.id} xs={24} md={12} xl={8}>
                  <ZoneSummaryCard zone={zone} />
                </Col>
              ))}
            </Row>
          )}

          <Suspense fallback={<Skeleton active style={{ marginTop: 24 }} />}>
            <WorkbenchCards
              workbench={workbench.data}
              pending={workbench.isPending}
              zoneId={zoneId}
              changes={changes}
              services={['service_officer', 'approval_agent'].includes(me.user.role) ? 'always' : 'whenAny'}
            />
          </Suspense>
        </>
      )}
    </div>
  );
}
