import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { usersEn, usersZh } from './i18n';

export const adminUsersFeature = defineFeature({
  name: 'admin-users',
  routes: [{ path: 'admin/users', page: lazy(() => import('./pages/users-page')), anyOf: ['user.manage'] }],
  nav: [{ path: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, anyOf: ['user.manage'], group: 'admin', order: 10 }],
  strings: { 'zh-CN': usersZh, 'en-US': usersEn },
});
