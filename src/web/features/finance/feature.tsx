import { lazy } from 'react';
import { BankOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { financeEn, financeZh } from './i18n';

export const financeFeature = defineFeature({
  name: 'finance',
  routes: [{ path: 'finance', page: lazy(() => import('./pages/finance-page')), anyOf: ['finance.read'] }],
  nav: [{ path: '/finance', label: 'menu.finance', icon: <BankOutlined />, anyOf: ['finance.read'], group: 'main', order: 147 }],
  strings: { 'zh-CN': financeZh, 'en-US': financeEn },
});
