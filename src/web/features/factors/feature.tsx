import { lazy } from 'react';
import { ThunderboltOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { factorsEn, factorsZh } from './i18n';

export const factorsFeature = defineFeature({
  name: 'factors',
  routes: [{ path: 'factors', page: lazy(() => import('./pages/factors-page')), anyOf: ['factor.read'] }],
  nav: [{ path: '/factors', label: 'menu.factors', icon: <ThunderboltOutlined />, anyOf: ['factor.read'], group: 'main', order: 155 }],
  strings: { 'zh-CN': factorsZh, 'en-US': factorsEn },
});
