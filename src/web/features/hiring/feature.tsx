import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { hiringEn, hiringZh } from './i18n';

export const hiringFeature = defineFeature({
  name: 'hiring',
  routes: [
    { path: 'hiring', page: lazy(() => import('./pages/hiring-page')), anyOf: ['hiring.read'] },
    { path: 'hiring/import', page: lazy(() => import('./pages/hiring-import-page')), anyOf: ['hiring.manage'] },
  ],
  nav: [{ path: '/hiring', label: 'menu.hiring', icon: <TeamOutlined />, anyOf: ['hiring.read'], group: 'main', order: 145 }],
  strings: { 'zh-CN': hiringZh, 'en-US': hiringEn },
});
