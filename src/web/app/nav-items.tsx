import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
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
  main: [{ path: '/', label: 'menu.workbench', icon: <DashboardOutlined /> }],
  admin: [
    { path: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, anyOf: ['user.manage'] },
    { path: '/admin/zones', label: 'menu.zones', icon: <EnvironmentOutlined />, anyOf: ['zone.update', 'zone.create'] },
    { path: '/admin/departments', label: 'menu.departments', icon: <ApartmentOutlined />, anyOf: ['department.manage'] },
    { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
  ],
};
