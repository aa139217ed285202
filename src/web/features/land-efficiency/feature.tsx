import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { landEfficiencyEn, landEfficiencyZh } from './i18n';

export const landEfficiencyFeature = defineFeature({
  name: 'land-efficiency',
  routes: [{ path: 'land-efficiency', page: lazy(() => import('./pages/land-efficiency-page')), anyOf: ['land_efficiency.read'] }],
  nav: [
    { path: '/land-efficiency', label: 'menu.landEfficiency', icon: <DashboardOutlined />, anyOf: ['land_efficiency.read'], group: 'main', order: 42 },
  ],
  strings: { 'zh-CN': landEfficiencyZh, 'en-US': landEfficiencyEn },
});
