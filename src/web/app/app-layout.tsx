import { Suspense, useState } from 'react';
import { Layout, Menu, Space, theme, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal';
import { NotificationBell } from '../features/dispatch/components/notification-bell';
import { useLogout } from '../features/auth/api/logout';
import { useSetLocale } from '../features/auth/api/set-locale';
import { useI18n } from '../i18n/use-i18n';
import { useSession } from '../lib/session-context';
import { sessionEndReason } from '../lib/session-end-reason';
import { navItems, type NavItem } from './nav-items';
import { PageFallback } from './page-fallback';
import { UserMenu } from './user-menu';
import { ZoneSwitcher } from './zone-switcher';

/** The antd admin frame: side menu, header (zone switcher, language, user menu) and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const setServerLocale = useSetLocale();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const { token } = theme.useToken();

  const visible = (item: NavItem) => !item.anyOf || item.anyOf.some(hasPermission);
  const toMenuItem = (item: NavItem) => ({ key: item.path, icon: item.icon, label: t(item.label) });
  const adminItems = navItems.admin.filter(visible).map(toMenuItem);
  const menuItems: MenuProps['items'] = [
    ...navItems.main.filter(visible).map(toMenuItem),
    ...(adminItems.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('menu.system'), children: adminItems }] : []),
  ];
  const allPaths = [...navItems.main, ...navItems.admin].map((i) => i.path);
  const selected = allPaths.filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)));

  const onLogout = () => {
    sessionEndReason.set('loggedOut');
    logout.mutate();
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg">
        <div style={{ color: '#fff', padding: collapsed ? '16px 8px' : '16px 20px', lineHeight: 1.3, textAlign: collapsed ? 'center' : 'left' }}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{t('app.shortName')}</div>
          {!collapsed && <div style={{ fontSize: 12, opacity: 0.65, marginTop: 4 }}>{t('app.name')}</div>}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={selected} items={menuItems} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: token.colorBgContainer, padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Space size="large">
            <ZoneSwitcher />
            <NotificationBell />
            <LanguageSwitch onLocaleChange={(locale) => setServerLocale.mutate(locale)} />
            <UserMenu onChangePassword={() => setPasswordOpen(true)} onLogout={onLogout} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <div style={{ background: token.colorBgContainer, padding: 24, borderRadius: token.borderRadiusLG, minHeight: 360 }}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen || me.user.mustChangePassword} forced={me.user.mustChangePassword} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
