import { Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../i18n/use-i18n';
import { KpiDashboard } from '../components/dashboard/kpi-dashboard';

/** A zone's 驾驶舱 reached from the ranking (the province → city → zone step of the drill-down). */
export default function ZoneDashboardPage() {
  const { t } = useI18n();
  const { zoneId } = useParams();
  return (
    <div>
      <Breadcrumb items={[{ title: <Link to="/rankings">{t('rank.back')}</Link> }]} style={{ marginBottom: 8 }} className="zd-no-print" />
      <KpiDashboard zoneId={zoneId ?? null} />
    </div>
  );
}
