import { Avatar, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/use-i18n';
import { useLabels } from '../lib/use-labels';
import { useSession } from '../lib/session-context';

/** The signed-in user's name and role, with 修改密码 and 退出登录. */
export function UserMenu({ onChangePassword, onLogout, compact }: { onChangePassword: () => void; onLogout: () => void; compact?: boolean }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useSession();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(compact ? [{ key: 'who', label: `${me.user.displayName} · ${labels.role(me.user.role)}`, disabled: true }, { type: 'divider' as const }] : []),
          { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: onChangePassword },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: onLogout, danger: true },
        ],
      }}
    >
      <button type="button" aria-label={me.user.displayName} style={{ background: 'none', border: 'none', cursor: 'pointer', padding: 0 }}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          {/* On a phone the avatar alone; the menu it opens says who is signed in. */}
          {!compact && <span>{me.user.displayName}</span>}
          {!compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {labels.role(me.user.role)}
            </Typography.Text>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </button>
    </Dropdown>
  );
}
