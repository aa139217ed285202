import { lazy } from 'react';
import { ApartmentOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { chainsEn, chainsZh } from './i18n';

export const chainsFeature = defineFeature({
  name: 'chains',
  routes: [
    { path: 'chains', page: lazy(() => import('./pages/plan-page')), anyOf: ['chain.read'] },
    { path: 'chains/figures-import', page: lazy(() => import('./pages/figures-import-page')), anyOf: ['enterprise.profile.update'] },
    { path: 'chains/sectors/:id', page: lazy(() => import('./pages/sector-page')), anyOf: ['chain.read'] },
    { path: 'chains/province/:key', page: lazy(() => import('./pages/province-page')), anyOf: ['chain.read'] },
    { path: 'chains/:id', page: lazy(() => import('./pages/chain-page')), anyOf: ['chain.read'] },
  ],
  nav: [
    { path: '/chains', label: 'menu.chains', icon: <ApartmentOutlined />, anyOf: ['chain.read'], group: 'main', order: 35 },
    {
      path: '/chains/figures-import',
      label: 'menu.figuresImport',
      icon: <CloudUploadOutlined />,
      anyOf: ['enterprise.profile.update'],
      group: 'main',
      order: 45,
    },
  ],
  strings: { 'zh-CN': chainsZh, 'en-US': chainsEn },
});
