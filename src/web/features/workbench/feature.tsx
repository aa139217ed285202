import { lazy } from 'react';
import { DashboardOutlined, OrderedListOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { workbenchEn, workbenchZh } from './i18n';

export const workbenchFeature = defineFeature({
  name: 'workbench',
  routes: [
    { path: '', page: lazy(() => import('./pages/workbench-page')) },
    { path: 'rankings', page: lazy(() => import('./pages/ranking-page')), anyOf: ['kpis.rank'] },
    { path: 'rankings/zones/:zoneId', page: lazy(() => import('./pages/zone-dashboard-page')), anyOf: ['kpis.read'] },
  ],
  nav: [
    { path: '/', label: 'menu.workbench', icon: <DashboardOutlined />, group: 'main', order: 0 },
    { path: '/rankings', label: 'menu.rankings', icon: <OrderedListOutlined />, anyOf: ['kpis.rank'], group: 'main', order: 1 },
  ],
  strings: { 'zh-CN': workbenchZh, 'en-US': workbenchEn },
});
