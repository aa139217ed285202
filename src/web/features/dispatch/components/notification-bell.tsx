import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/use-i18n';
import { useUnreadCount } from '../api/get-unread-count';

/** The header's bell: unread notifications, opening the notification centre. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  return (
    <Tooltip title={t('notifications.bell')}>
      <Badge count={count} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          aria-label={`${t('notifications.bell')} ${count}`}
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/dispatch/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
