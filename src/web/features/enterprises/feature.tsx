import { lazy } from 'react';
import { BankOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { enterprisesEn, enterprisesZh } from './i18n';

export const enterprisesFeature = defineFeature({
  name: 'enterprises',
  routes: [
    { path: 'enterprises', page: lazy(() => import('./pages/enterprises-page')) },
    { path: 'enterprises/:id', page: lazy(() => import('./pages/enterprise-page')) },
  ],
  nav: [{ path: '/enterprises', label: 'menu.enterprises', icon: <BankOutlined />, group: 'main', order: 40 }],
  strings: { 'zh-CN': enterprisesZh, 'en-US': enterprisesEn },
});
