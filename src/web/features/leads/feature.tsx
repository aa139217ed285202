import { lazy } from 'react';
import { AimOutlined, CarOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { pipelineEn, pipelineZh } from './i18n';

export const leadsFeature = defineFeature({
  name: 'leads',
  routes: [
    { path: 'leads', page: lazy(() => import('./pages/leads-page')) },
    { path: 'leads/import', page: lazy(() => import('./pages/ledger-import-page')), anyOf: ['lead.import'] },
    { path: 'leads/:id', page: lazy(() => import('./pages/lead-detail-page')) },
    { path: 'trips', page: lazy(() => import('./pages/trips-page')) },
    { path: 'trips/:id', page: lazy(() => import('./pages/trip-page')) },
    { path: 'signing-events', page: lazy(() => import('./pages/signing-events-page')) },
  ],
  nav: [
    { path: '/leads', label: 'menu.leads', icon: <AimOutlined />, anyOf: ['lead.read'], group: 'main', order: 10 },
    { path: '/trips', label: 'menu.trips', icon: <CarOutlined />, anyOf: ['lead.read'], group: 'main', order: 20 },
    { path: '/signing-events', label: 'menu.signingEvents', icon: <TrophyOutlined />, anyOf: ['lead.read'], group: 'main', order: 30 },
  ],
  strings: { 'zh-CN': pipelineZh, 'en-US': pipelineEn },
});
