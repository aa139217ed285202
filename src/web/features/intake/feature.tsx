import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { intakeEn, intakeZh } from './i18n';

export const intakeFeature = defineFeature({
  name: 'intake',
  routes: [{ path: 'intake', page: lazy(() => import('./pages/intake-page')), anyOf: ['intake.use'] }],
  nav: [{ path: '/intake', label: 'menu.intake', icon: <FileSearchOutlined />, anyOf: ['intake.use'], group: 'main', order: 80 }],
  strings: { 'zh-CN': intakeZh, 'en-US': intakeEn },
});
