import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoItem } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';

/** 我的待办 (dispatch part): blockers I own and decisions assigned to me, overdue first. */
export function MyTodoCard({ items }: { items: TodoItem[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('dispatch.todo')} size="small" style={{ marginTop: 24 }}>
      {items.length === 0 ? (
        <Empty description={t('dispatch.todoEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item extra={<Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{item.dueOn}</Typography.Text>}>
              <Tag color={item.kind === 'blocker' ? 'orange' : 'blue'}>{item.kind === 'blocker' ? t('dispatch.title') : t('meeting.decisions')}</Tag>
              <Link to={item.link}>{item.title}</Link>
              {item.detail && <Typography.Text type="secondary"> · {item.detail}</Typography.Text>}
              {item.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('dispatch.overdueTag')}
                </Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
