import { Button, Form, InputNumber, Table, Tag } from 'antd';
import { landIndicatorKeys, type ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveLandStandard } from '../api/project-mutations';
import { useProjectsI18n } from '../i18n';

type Key = (typeof landIndicatorKeys)[number];

/** 标准地: promised against achieved, per indicator, with its compliance. */
export function LandPanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useProjectsI18n();
  const [form] = Form.useForm();
  const save = useSaveLandStandard(project.id);
  const onError = useApiErrorHandler();
  const land = project.landStandard;
  const editable = project.actions.includes('editLand');
  const initial = Object.fromEntries(
    landIndicatorKeys.flatMap((k) => [
      [`${k}Promised`, land?.[`${k}Promised`]],
      [`${k}Achieved`, land?.[`${k}Achieved`]],
    ]),
  );
  return (
    <Form
      form={form}
      initialValues={initial}
      onFinish={(v) => save.mutate({ ...v, version: land?.version }, { onError: (e) => onError(e, { form, onReload }) })}
    >
      <Table<{ key: Key }>
        size="small"
        pagination={false}
        dataSource={landIndicatorKeys.map((key) => ({ key }))}
        columns={[
          { title: '', key: 'name', render: (_, r) => t(`land.${r.key}`) },
          ...(['Promised', 'Achieved'] as const).map((side) => ({
            title: t(side === 'Promised' ? 'land.promised' : 'land.achieved'),
            key: side,
            render: (_: unknown, r: { key: Key }) => (
              <Form.Item name={`${r.key}${side}`} noStyle>
                <InputNumber min={0} disabled={!editable} />
              </Form.Item>
            ),
          })),
          {
            title: '',
            key: 'compliance',
            render: (_, r) => {
              const c = land?.compliance[r.key];
              return c ? <Tag color={c === 'met' ? 'success' : c === 'not_met' ? 'error' : 'default'}>{t(`land.${c}`)}</Tag> : null;
            },
          },
        ]}
      />
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
          {t('land.save')}
        </Button>
      )}
    </Form>
  );
}
