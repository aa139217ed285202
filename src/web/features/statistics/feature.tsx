import { lazy } from 'react';
import { LineChartOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { statisticsEn, statisticsZh } from './i18n';

export const statisticsFeature = defineFeature({
  name: 'statistics',
  routes: [
    { path: 'statistics', page: lazy(() => import('./pages/statistics-page')), anyOf: ['statistics.read'] },
    { path: 'statistics/import', page: lazy(() => import('./pages/statistics-import-page')), anyOf: ['statistics.enter'] },
    { path: 'statistics/assessment', page: lazy(() => import('./pages/assessment-page')), anyOf: ['assessment.read'] },
  ],
  nav: [
    { path: '/statistics', label: 'menu.statistics', icon: <LineChartOutlined />, anyOf: ['statistics.read'], group: 'main', order: 160 },
    { path: '/statistics/assessment', label: 'menu.assessment', icon: <TrophyOutlined />, anyOf: ['assessment.read'], group: 'main', order: 165 },
  ],
  strings: { 'zh-CN': statisticsZh, 'en-US': statisticsEn },
});
