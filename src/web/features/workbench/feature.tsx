import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { workbenchEn, workbenchZh } from './i18n';

export const workbenchFeature = defineFeature({
  name: 'workbench',
  routes: [{ path: '', page: lazy(() => import('./pages/workbench-page')) }],
  nav: [{ path: '/', label: 'menu.workbench', icon: <DashboardOutlined />, group: 'main', order: 0 }],
  strings: { 'zh-CN': workbenchZh, 'en-US': workbenchEn },
});
