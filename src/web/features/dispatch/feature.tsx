import { lazy } from 'react';
import { AlertOutlined, CheckSquareOutlined, FlagOutlined, PieChartOutlined, ScheduleOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { dispatchEn, dispatchZh } from './i18n';

export const dispatchFeature = defineFeature({
  name: 'dispatch',
  routes: [
    { path: 'dispatch/blockers', page: lazy(() => import('./pages/blocker-board-page')) },
    { path: 'dispatch/blockers/:id', page: lazy(() => import('./pages/blocker-detail-page')) },
    { path: 'dispatch/meetings', page: lazy(() => import('./pages/meetings-page')) },
    { path: 'dispatch/meetings/:id', page: lazy(() => import('./pages/meeting-page')) },
    { path: 'dispatch/campaigns', page: lazy(() => import('./pages/campaigns-page')) },
    { path: 'dispatch/campaign-rates', page: lazy(() => import('./pages/campaign-rates-page')) },
    { path: 'dispatch/decisions', page: lazy(() => import('./pages/decisions-page')) },
    { path: 'dispatch/notifications', page: lazy(() => import('./pages/notifications-page')) },
  ],
  nav: [
    { path: '/dispatch/blockers', label: 'menu.blockers', icon: <AlertOutlined />, anyOf: ['blocker.read'], group: 'main', order: 90 },
    { path: '/dispatch/meetings', label: 'menu.meetings', icon: <ScheduleOutlined />, anyOf: ['meeting.read'], group: 'main', order: 100 },
    { path: '/dispatch/decisions', label: 'menu.decisions', icon: <CheckSquareOutlined />, anyOf: ['meeting.read'], group: 'main', order: 110 },
    { path: '/dispatch/campaigns', label: 'menu.campaigns', icon: <FlagOutlined />, anyOf: ['campaign.read'], group: 'main', order: 120 },
    { path: '/dispatch/campaign-rates', label: 'menu.campaignRates', icon: <PieChartOutlined />, anyOf: ['campaign.read'], group: 'main', order: 130 },
  ],
  strings: { 'zh-CN': dispatchZh, 'en-US': dispatchEn },
});
