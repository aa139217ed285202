import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { approvalServicesEn, approvalServicesZh } from './i18n';

export const approvalServicesFeature = defineFeature({
  name: 'approval-services',
  routes: [
    { path: 'approval-services', page: lazy(() => import('./pages/approval-services-page')), anyOf: ['approval_service.read'] },
    { path: 'approval-services/import', page: lazy(() => import('./pages/items-import-page')), anyOf: ['approval_service.catalogue'] },
  ],
  nav: [{ path: '/approval-services', label: 'menu.approvalServices', icon: <AuditOutlined />, anyOf: ['approval_service.read'], group: 'main', order: 150 }],
  strings: { 'zh-CN': approvalServicesZh, 'en-US': approvalServicesEn },
});
