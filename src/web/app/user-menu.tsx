import { Avatar, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/use-i18n';
import { useLabels } from '../lib/use-labels';
import { useSession } from '../lib/session-context';

/** The signed-in user's name and role, with 修改密码 and 退出登录. */
export function UserMenu({ onChangePassword, onLogout }: { onChangePassword: () => void; onLogout: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useSession();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: onChangePassword },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: onLogout, danger: true },
        ],
      }}
    >
      <button type="button" aria-label={me.user.displayName} style={{ background: 'none', border: 'none', cursor: 'pointer', padding: 0 }}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{me.user.displayName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.role(me.user.role)}
          </Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </button>
    </Dropdown>
  );
}
