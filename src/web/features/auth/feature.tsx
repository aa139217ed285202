import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { authEn, authZh } from './i18n';

export const authFeature = defineFeature({
  name: 'auth',
  routes: [{ path: 'login', page: lazy(() => import('./pages/login-page')), public: true }],
  strings: { 'zh-CN': authZh, 'en-US': authEn },
});
