import { lazy } from 'react';
import { ApartmentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { orgEn, orgZh } from './i18n';

export const orgFeature = defineFeature({
  name: 'org',
  routes: [
    { path: 'admin/zones', page: lazy(() => import('./pages/zones-page')), anyOf: ['zone.update', 'zone.create'] },
    { path: 'admin/departments', page: lazy(() => import('./pages/departments-page')), anyOf: ['department.manage'] },
  ],
  nav: [
    { path: '/admin/zones', label: 'menu.zones', icon: <EnvironmentOutlined />, anyOf: ['zone.update', 'zone.create'], group: 'admin', order: 20 },
    { path: '/admin/departments', label: 'menu.departments', icon: <ApartmentOutlined />, anyOf: ['department.manage'], group: 'admin', order: 30 },
  ],
  strings: { 'zh-CN': orgZh, 'en-US': orgEn },
});
