import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { fundingEn, fundingZh } from './i18n';

export const fundingFeature = defineFeature({
  name: 'funding',
  routes: [
    { path: 'funding', page: lazy(() => import('./pages/funding-page')), anyOf: ['funding.read'] },
    { path: 'funding/import', page: lazy(() => import('./pages/funding-import-page')), anyOf: ['funding.manage'] },
  ],
  nav: [{ path: '/funding', label: 'menu.funding', icon: <FundOutlined />, anyOf: ['funding.read'], group: 'main', order: 140 }],
  strings: { 'zh-CN': fundingZh, 'en-US': fundingEn },
});
