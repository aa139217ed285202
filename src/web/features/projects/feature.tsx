import { lazy } from 'react';
import { BuildOutlined, CalendarOutlined, FormOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature';
import { projectsEn, projectsZh } from './shell-i18n';

export const projectsFeature = defineFeature({
  name: 'projects',
  routes: [
    { path: 'projects', page: lazy(() => import('./pages/projects-list-page')) },
    { path: 'projects/new', page: lazy(() => import('./pages/project-form-page')), anyOf: ['project.create'] },
    { path: 'projects/import-dispatch', page: lazy(() => import('./pages/dispatch-import-page')), anyOf: ['project.import'] },
    { path: 'projects/:id', page: lazy(() => import('./pages/project-detail-page')) },
    { path: 'projects/:id/edit', page: lazy(() => import('./pages/project-form-page')) },
    { path: 'project-batch', page: lazy(() => import('./pages/batch-entry-page')) },
    { path: 'project-land-standards', page: lazy(() => import('./pages/land-compliance-page')) },
    { path: 'admin/project-settings', page: lazy(() => import('./pages/project-settings-page')), anyOf: ['project.configure'] },
    { path: 'admin/calendar', page: lazy(() => import('./pages/calendar-admin-page')), anyOf: ['calendar.manage'] },
  ],
  nav: [
    { path: '/projects', label: 'menu.projects', icon: <BuildOutlined />, anyOf: ['project.read'], group: 'main', order: 50 },
    { path: '/project-batch', label: 'menu.projectBatch', icon: <FormOutlined />, anyOf: ['project.report'], group: 'main', order: 60 },
    { path: '/project-land-standards', label: 'menu.landStandards', icon: <SafetyCertificateOutlined />, anyOf: ['project.read'], group: 'main', order: 70 },
    { path: '/admin/project-settings', label: 'menu.projectSettings', icon: <SettingOutlined />, anyOf: ['project.configure'], group: 'admin', order: 40 },
    { path: '/admin/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, anyOf: ['calendar.manage'], group: 'admin', order: 50 },
  ],
  strings: { 'zh-CN': projectsZh, 'en-US': projectsEn },
});
