import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCalendarDayWrite, useCalendarYear } from '../api/calendar-days';
import { useProjectsI18n } from '../i18n';

/** 节假日管理: the published calendar of a year and the days admins add or override (years not yet built in). */
export default function CalendarAdminPage() {
  const { t } = useProjectsI18n();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const data = useCalendarYear(year);
  const write = useCalendarDayWrite();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const kindTag = (k: 'holiday' | 'workday') => (
    <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(k === 'holiday' ? 'calendar.holiday' : 'calendar.workday')}</Tag>
  );

  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {data.data && !data.data.published && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.unpublished', { year })} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('calendar.overrides')}>
            <Form
              form={form}
              layout="inline"
              style={{ marginBottom: 12, rowGap: 8 }}
              onFinish={(v: { day: Dayjs; kind: 'holiday' | 'workday'; name: string }) => {
                const day = v.day.format('YYYY-MM-DD');
                const existing = data.data?.overrides.find((o) => o.day === day);
                write.mutate(
                  { day, kind: v.kind, name: v.name, version: existing?.version },
                  { onSuccess: () => form.resetFields(), onError: (e) => onError(e, { form }) },
                );
              }}
            >
              <Form.Item name="day" rules={[{ required: true }]}>
                <DatePicker placeholder={t('calendar.day')} />
              </Form.Item>
              <Form.Item name="kind" initialValue="holiday">
                <Select
                  style={{ width: 150 }}
                  options={[
                    { value: 'holiday', label: t('calendar.holiday') },
                    { value: 'workday', label: t('calendar.workday') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="name" rules={[{ required: true }]}>
                <Input placeholder={t('calendar.name')} style={{ width: 120 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={write.isPending}>
                {t('calendar.add')}
              </Button>
            </Form>
            <Table
              size="small"
              rowKey="day"
              pagination={false}
              dataSource={data.data?.overrides ?? []}
              columns={[
                { title: t('calendar.day'), dataIndex: 'day', key: 'day' },
                { title: t('calendar.kind'), key: 'kind', render: (_, d) => kindTag(d.kind) },
                { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
                {
                  title: '',
                  key: 'del',
                  render: (_, d) => (
                    <Popconfirm
                      title={t('calendar.delete')}
                      onConfirm={() => write.mutate({ day: d.day, remove: { version: d.version } }, { onError: (e) => onError(e) })}
                    >
                      <Button type="link" danger>
                        {t('calendar.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('calendar.published')}>
            <Table
              size="small"
              rowKey="day"
              pagination={false}
              loading={data.isPending}
              dataSource={data.data?.publishedDays ?? []}
              columns={[
                { title: t('calendar.day'), dataIndex: 'day', key: 'day' },
                { title: t('calendar.kind'), key: 'kind', render: (_, d) => kindTag(d.kind) },
                { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
