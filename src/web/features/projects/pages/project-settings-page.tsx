import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { projectStages, type TemplateApproval, type TemplateMilestone } from '../../../../contract/projects.ts';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useFlagRule, useSaveFlagRule, useSaveTemplates, useTemplates } from '../api/settings';
import { useProjectsI18n } from '../i18n';

/** 节点与审批模板, and the red/yellow/green rule: for one zone, or the global default (admins). */
export default function ProjectSettingsPage() {
  const { t, shellT } = useProjectsI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { zones, zoneId: current } = useCurrentZone();
  const { me } = useSession();
  const [scope, setScope] = useState<string | null>(current ?? (me.user.role === 'system_admin' ? null : (zones[0]?.id ?? null)));
  const templates = useTemplates(scope);
  const rule = useFlagRule(scope);
  const saveTemplates = useSaveTemplates();
  const saveRule = useSaveFlagRule();
  const [milestones, setMilestones] = useState<TemplateMilestone[]>([]);
  const [approvals, setApprovals] = useState<TemplateApproval[]>([]);
  const [ruleForm] = Form.useForm();
  useEffect(() => {
    if (templates.data) {
      setMilestones(templates.data.milestones);
      setApprovals(templates.data.approvals);
    }
  }, [templates.data]);
  useEffect(() => {
    if (rule.data) ruleForm.setFieldsValue(rule.data);
  }, [rule.data, ruleForm]);
  const canEdit = templates.data?.actions.includes('update');
  const editCell = <T,>(list: T[], setList: (l: T[]) => void, i: number, key: keyof T, node: 'text' | 'number') =>
    node === 'text' ? (
      <Input
        disabled={!canEdit}
        value={String(list[i][key] ?? '')}
        onChange={(e) => setList(list.map((x, j) => (j === i ? { ...x, [key]: e.target.value } : x)))}
      />
    ) : (
      <InputNumber
        disabled={!canEdit}
        min={0}
        value={list[i][key] as number | null}
        onChange={(v) => setList(list.map((x, j) => (j === i ? { ...x, [key]: v } : x)))}
      />
    );

  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('settings.title')}
        </Typography.Title>
        <Select
          style={{ width: 200 }}
          value={scope ?? 'global'}
          onChange={(v) => setScope(v === 'global' ? null : v)}
          options={[
            ...(me.user.role === 'system_admin' ? [{ value: 'global', label: t('settings.global') }] : []),
            ...zones.map((z) => ({ value: z.id, label: z.shortName })),
          ]}
        />
        {templates.data && <Tag>{t(`settings.source.${templates.data.source}`)}</Tag>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('detail.milestones')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={milestones}
              columns={[
                { title: t('settings.milestoneName'), key: 'name', render: (_, __, i) => editCell(milestones, setMilestones, i, 'name', 'text') },
                {
                  title: t('settings.marksStage'),
                  key: 'stage',
                  render: (_, m, i) => (
                    <Select
                      disabled={!canEdit}
                      allowClear
                      style={{ width: 110 }}
                      value={m.stage ?? undefined}
                      onChange={(v) => setMilestones(milestones.map((x, j) => (j === i ? { ...x, stage: v ?? null } : x)))}
                      options={projectStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
                    />
                  ),
                },
                {
                  title: '',
                  key: 'del',
                  width: 40,
                  render: (_, __, i) =>
                    canEdit && (
                      <Button type="text" danger onClick={() => setMilestones(milestones.filter((_, j) => j !== i))}>
                        ×
                      </Button>
                    ),
                },
              ]}
            />
            {canEdit && (
              <Button style={{ marginTop: 8 }} onClick={() => setMilestones([...milestones, { name: '', stage: null }])}>
                {t('settings.add')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('detail.approvals')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={approvals}
              columns={[
                { title: t('settings.approvalName'), key: 'name', render: (_, __, i) => editCell(approvals, setApprovals, i, 'name', 'text') },
                { title: t('approval.agency'), key: 'agency', render: (_, __, i) => editCell(approvals, setApprovals, i, 'agency', 'text') },
                { title: t('approval.statutory'), key: 'sd', width: 90, render: (_, __, i) => editCell(approvals, setApprovals, i, 'statutoryDays', 'number') },
                { title: t('approval.promised'), key: 'pd', width: 90, render: (_, __, i) => editCell(approvals, setApprovals, i, 'promisedDays', 'number') },
                {
                  title: '',
                  key: 'del',
                  width: 40,
                  render: (_, __, i) =>
                    canEdit && (
                      <Button type="text" danger onClick={() => setApprovals(approvals.filter((_, j) => j !== i))}>
                        ×
                      </Button>
                    ),
                },
              ]}
            />
            {canEdit && (
              <Button style={{ marginTop: 8 }} onClick={() => setApprovals([...approvals, { name: '', agency: '', statutoryDays: null, promisedDays: null }])}>
                {t('settings.add')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
      {canEdit && (
        <Button
          type="primary"
          style={{ margin: '12px 0 24px' }}
          loading={saveTemplates.isPending}
          onClick={() =>
            saveTemplates.mutate(
              { zoneId: scope, milestones, approvals, version: templates.data?.version ?? undefined },
              { onSuccess: () => message.success(shellT('common.saved')), onError: (e) => onError(e, { onReload: () => templates.refetch() }) },
            )
          }
        >
          {shellT('common.save')}
        </Button>
      )}
      <Card size="small" title={t('settings.flagRule')}>
        <Form
          form={ruleForm}
          layout="inline"
          disabled={!rule.data?.actions.includes('update')}
          onFinish={(v) =>
            saveRule.mutate(
              { ...v, zoneId: scope, version: rule.data?.version ?? undefined },
              { onSuccess: () => message.success(shellT('common.saved')), onError: (e) => onError(e, { form: ruleForm, onReload: () => rule.refetch() }) },
            )
          }
          style={{ rowGap: 8 }}
        >
          {(['milestoneYellowDays', 'milestoneRedDays', 'investmentYellowPoints', 'investmentRedPoints', 'reportGraceDays'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`settings.${k}`)} rules={[{ required: true }]}>
              <InputNumber min={k === 'reportGraceDays' ? 0 : 1} max={365} />
            </Form.Item>
          ))}
          {(['landToStartStatutoryDays', 'landToStartPromisedDays', 'immediateStartDays'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`settings.${k}`)} rules={k === 'landToStartPromisedDays' ? undefined : [{ required: true }]}>
              <InputNumber min={k === 'immediateStartDays' ? 0 : 1} max={999} data-testid={`rule-${k}`} />
            </Form.Item>
          ))}
          <Form.Item name="missingReportFlag" label={t('settings.missingReportFlag')}>
            <Select
              style={{ width: 100 }}
              options={[
                { value: 'off', label: t('settings.off') },
                { value: 'yellow', label: t('flag.yellow') },
                { value: 'red', label: t('flag.red') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saveRule.isPending}>
            {shellT('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
