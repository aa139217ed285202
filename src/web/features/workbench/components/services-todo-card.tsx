import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ServicesWorkbench } from '../../../../contract/services/workbench.ts';
import { useI18n } from '../../../i18n/use-i18n';

const kindColor = { funding_deadline: 'gold', approval_case: 'purple', hiring_deadline: 'cyan' } as const;

/** 企业服务待办: applications whose programme closes soon, my 代办 cases, posts closing; the funding and hiring lines. */
export function ServicesTodoCard({ entries }: { entries: ServicesWorkbench }) {
  const { t } = useI18n();
  return (
    <Card title={t('workbench.servicesTodo')} size="small" style={{ marginTop: 24 }} data-testid="services-todo">
      {(entries.funding || entries.hiring) && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {[entries.funding, entries.hiring].filter(Boolean).join('；')}
        </Typography.Paragraph>
      )}
      {entries.todo.length === 0 ? (
        <Empty description={t('workbench.servicesTodoEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={entries.todo}
          renderItem={(item) => (
            <List.Item extra={<Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{item.dueOn}</Typography.Text>}>
              <Tag color={kindColor[item.kind]}>{t(`workbench.service.${item.kind}`)}</Tag>
              <Link to={item.link}>{item.title}</Link>
              {item.detail && <Typography.Text type="secondary"> · {item.detail}</Typography.Text>}
              {item.overdue && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('workbench.serviceOverdue')}
                </Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
