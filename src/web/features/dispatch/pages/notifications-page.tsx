import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Flex, List, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useNotifications } from '../api/list-notifications';
import { useMarkNotificationRead } from '../api/mark-notification-read';

const linkOf = (n: Notification) =>
  n.entityType === 'blocker' ? `/dispatch/blockers/${n.entityId}` : n.entityType === 'meeting' ? `/dispatch/meetings/${n.entityId}` : null;

/** 消息中心: my notifications, newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const mark = useMarkNotificationRead();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const items = (notifications.data?.items ?? []).filter((n) => !unreadOnly || !n.read);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('notifications.title')}
          </Typography.Title>
          <Badge count={notifications.data?.unread ?? 0} />
        </Space>
        <Space>
          <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)}>
            {t('notifications.unreadOnly')}
          </Checkbox>
          <Button disabled={!notifications.data?.unread} onClick={() => mark.mutate('all')}>
            {t('notifications.readAll')}
          </Button>
        </Space>
      </Flex>
      {notifications.isError && <Alert type="error" showIcon title={notifications.error.message} />}
      <List
        loading={notifications.isPending}
        dataSource={items}
        renderItem={(n) => (
          <List.Item
            actions={
              n.read
                ? []
                : [
                    <Button key="read" type="link" size="small" onClick={() => mark.mutate(n.id)}>
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={<Badge status={n.read ? 'default' : 'processing'} />}
              title={
                <a
                  onClick={() => {
                    if (!n.read) mark.mutate(n.id);
                    const link = linkOf(n);
                    if (link) navigate(link);
                  }}
                  style={{ fontWeight: n.read ? 'normal' : 600 }}
                >
                  {n.title}
                </a>
              }
              description={
                <Space direction="vertical" size={0}>
                  {n.body && <span>{n.body}</span>}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt, locale)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
