import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Steps, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { projectStages, stageGates, type ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useChangeStage } from '../api/project-mutations';
import { useProjectsI18n, type ProjectsKey } from '../i18n';

/** The stage timeline, its history, and the change dialog where gate errors land on their fields. */
export function StagePanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useProjectsI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const change = useChangeStage(project.id);
  const onError = useApiErrorHandler();
  const target: string | undefined = Form.useWatch('stage', form);
  const current = projectStages.indexOf(project.stage);
  const targetIndex = target ? projectStages.indexOf(target as never) : -1;
  const back = targetIndex >= 0 && targetIndex < current;
  const gates =
    targetIndex > current
      ? [...new Set(projectStages.slice(1, targetIndex + 1).flatMap((s) => stageGates[s]))].filter((g) => g !== 'investorEnterpriseId' && !project[g])
      : [];

  const submit = (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = { version: project.version, stage: values.stage, reason: values.reason || undefined };
    for (const g of gates) if (values[g]) body[g] = (values[g] as Dayjs).format('YYYY-MM-DD');
    change.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        form.resetFields();
        message.success(t('stage.changed', { stage: t(`stage.${values.stage as string}` as ProjectsKey) }));
      },
      onError: (e) => onError(e, { form, onReload }),
    });
  };

  return (
    <>
      <Steps
        size="small"
        current={current}
        items={projectStages.map((s) => ({ title: t(`stage.${s}`) }))}
        style={{ marginBottom: 16, overflowX: 'auto' }}
        data-testid="stage-steps"
      />
      {project.actions.includes('changeStage') && (
        <Button onClick={() => setOpen(true)} style={{ marginBottom: 16 }}>
          {t('detail.changeStage')}
        </Button>
      )}
      <Timeline
        items={project.stageHistory.map((e) => ({
          key: `${e.at}-${e.toStage}`,
          color: e.reason ? 'red' : 'blue',
          content: (
            <span>
              {e.on} {e.fromStage ? `${t(`stage.${e.fromStage}`)} → ` : ''}
              {t(`stage.${e.toStage}`)} · {e.actorName}
              {e.reason && <Typography.Text type="danger">（{e.reason}）</Typography.Text>}
            </span>
          ),
        }))}
      />
      <Modal
        open={open}
        title={t('detail.changeStage')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={change.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="stage" label={t('field.stage')} rules={[{ required: true }]}>
            <Select options={projectStages.filter((s) => s !== project.stage).map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Form.Item>
          {gates.map((g) => (
            <Form.Item key={g} name={g} label={t(`field.${g}` as ProjectsKey)}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          ))}
          {back && (
            <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
