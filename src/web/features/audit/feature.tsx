import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';

// The audit vocabulary (actions, entities, fields) is shared by every page's history drawer, so its
// strings stay in the shell's catalogue.
export const auditFeature = defineFeature({
  name: 'audit',
  routes: [{ path: 'admin/audit', page: lazy(() => import('./pages/audit-page')), anyOf: ['audit.read'] }],
  nav: [{ path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, anyOf: ['audit.read'], group: 'admin', order: 90 }],
});
