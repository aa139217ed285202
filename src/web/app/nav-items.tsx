import type { ReactNode } from 'react';
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  BankOutlined,
  CarOutlined,
  AuditOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { BuildOutlined, CalendarOutlined, FormOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, PieChartOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n/zh-cn';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The user needs one of these permissions (Me.permissions) to see the entry; none means everyone. */
  anyOf?: string[];
}

/** The side menu, in order. Only features that exist are listed; each shows only to those who may use it. */
export const navItems: { main: NavItem[]; admin: NavItem[] } = {
  main: [
    { path: '/', label: 'menu.workbench', icon: <DashboardOutlined /> },
    { path: '/leads', label: 'menu.leads', icon: <AimOutlined />, anyOf: ['lead.read'] },
    { path: '/trips', label: 'menu.trips', icon: <CarOutlined />, anyOf: ['lead.read'] },
    { path: '/signing-events', label: 'menu.signingEvents', icon: <TrophyOutlined />, anyOf: ['lead.read'] },
    { path: '/enterprises', label: 'menu.enterprises', icon: <BankOutlined /> },
    { path: '/projects', label: 'menu.projects', icon: <BuildOutlined />, anyOf: ['project.read'] },
    { path: '/project-batch', label: 'menu.projectBatch', icon: <FormOutlined />, anyOf: ['project.report'] },
    { path: '/project-land-standards', label: 'menu.landStandards', icon: <SafetyCertificateOutlined />, anyOf: ['project.read'] },
    { path: '/intake', label: 'menu.intake', icon: <FileSearchOutlined />, anyOf: ['intake.use'] },
    { path: '/dispatch/blockers', label: 'menu.blockers', icon: <AlertOutlined />, anyOf: ['blocker.read'] },
    { path: '/dispatch/meetings', label: 'menu.meetings', icon: <ScheduleOutlined />, anyOf: ['meeting.read'] },
    { path: '/dispatch/decisions', label: 'menu.decisions', icon: <CheckSquareOutlined />, anyOf: ['meeting.read'] },
    { path: '/dispatch/campaigns', label: 'menu.campaigns', icon: <FlagOutlined />, anyOf: ['campaign.read'] },
    { path: '/dispatch/campaign-rates', label: 'menu.campaignRates', icon: <PieChartOutlined />, anyOf: ['campaign.read'] },
  ],
  admin: [
    { path: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, anyOf: ['user.manage'] },
    { path: '/admin/zones', label: 'menu.zones', icon: <EnvironmentOutlined />, anyOf: ['zone.update', 'zone.create'] },
    { path: '/admin/departments', label: 'menu.departments', icon: <ApartmentOutlined />, anyOf: ['department.manage'] },
    { path: '/admin/project-settings', label: 'menu.projectSettings', icon: <SettingOutlined />, anyOf: ['project.configure'] },
    { path: '/admin/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, anyOf: ['calendar.manage'] },
    { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
  ],
};
