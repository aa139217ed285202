import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Grid, Layout, Menu, Space, theme, type MenuProps } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { GlobalSearch } from '../components/global-search';
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

// The phone menu's drawer is fetched when it is first opened (it is no part of a first page).
const Drawer = lazy(() => import('antd/es/drawer'));

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
  // Below 768 px (a phone) the side menu is a drawer opened from the header, never a strip.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  useEffect(() => {
    if (drawerOpen) setDrawerUsed(true);
  }, [drawerOpen]);

  const visible = (item: NavItem) => !item.anyOf || item.anyOf.some(hasPermission);
  const toMenuItem = (item: NavItem) => ({ key: item.path, icon: item.icon, label: t(item.label) });
  const adminItems = navItems.admin.filter(visible).map(toMenuItem);
  const menuItems: MenuProps['items'] = [
    ...navItems.main.filter(visible).map(toMenuItem),
    ...(adminItems.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('menu.system'), children: adminItems }] : []),
  ];
  const allPaths = [...navItems.main, ...navItems.admin].map((i) => i.path);
  const selected = allPaths.filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)));
  const current = [...navItems.main, ...navItems.admin].filter((i) => selected.includes(i.path)).sort((a, b) => b.path.length - a.path.length)[0];
  const pageTitle = current ? t(current.label) : undefined;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.shortName')}` : t('app.name');
  }, [pageTitle, t]);
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const onLogout = () => {
    sessionEndReason.set('loggedOut');
    logout.mutate();
  };

  const brand = (
    <div
      style={{ color: '#fff', padding: collapsed && !narrow ? '16px 8px' : '16px 20px', lineHeight: 1.3, textAlign: collapsed && !narrow ? 'center' : 'left' }}
    >
      <div style={{ fontSize: 18, fontWeight: 600 }}>{t('app.shortName')}</div>
      {(!collapsed || narrow) && <div style={{ fontSize: 12, opacity: 0.65, marginTop: 4 }}>{t('app.name')}</div>}
    </div>
  );
  const menu = <Menu theme="dark" mode="inline" selectedKeys={selected} items={menuItems} onClick={({ key }) => navigate(key)} />;

  return (
    <Layout style={{ minHeight: '100%' }}>
      {narrow ? (
        (drawerOpen || drawerUsed) && (
          <Suspense fallback={null}>
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={260}
              closable={false}
              styles={{ body: { padding: 0, background: '#001529' } }}
              aria-label={t('menu.open')}
            >
              {brand}
              {menu}
            </Drawer>
          </Suspense>
        )
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          // The menu scrolls inside a sider as tall as the window: its last entry never sits under the collapse button.
          style={{ position: 'sticky', top: 0, height: '100vh', alignSelf: 'flex-start' }}
        >
          <div style={{ height: '100%', overflowY: 'auto' }}>
            {brand}
            {menu}
          </div>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: narrow ? '0 8px' : '0 24px',
            display: 'flex',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            alignItems: 'center',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {narrow && <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.open')} onClick={() => setDrawerOpen(true)} />}
          <Space size={narrow ? 'small' : 'large'} style={{ minWidth: 0 }}>
            <GlobalSearch compact={narrow} />
            <ZoneSwitcher compact={narrow} />
            {!me.user.mustChangePassword && <NotificationBell />}
            <LanguageSwitch compact={narrow} onLocaleChange={(locale) => setServerLocale.mutate(locale)} />
            <UserMenu compact={narrow} onChangePassword={() => setPasswordOpen(true)} onLogout={onLogout} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 8 : 24, minWidth: 0 }}>
          <div style={{ background: token.colorBgContainer, padding: narrow ? 12 : 24, borderRadius: token.borderRadiusLG, minHeight: 360 }}>
            {/* Keyed by page: a newly mounted boundary shows its spinner at once, where the router's
                transition would otherwise keep the previous page up until the next one has loaded. */}
            {/* Until a new or reset account changes its password the API serves nothing else
                (PASSWORD_CHANGE_REQUIRED): the page behind the modal stays empty. */}
            {!me.user.mustChangePassword && (
              <Suspense key={location.pathname} fallback={<PageFallback />}>
                <Outlet />
              </Suspense>
            )}
          </div>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen || me.user.mustChangePassword} forced={me.user.mustChangePassword} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
