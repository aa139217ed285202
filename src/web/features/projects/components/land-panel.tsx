import { Alert, Button, Form, InputNumber, Table, Tag, Typography } from 'antd';
import { landIndicatorKeys, type LandIndicatorKey, type ProjectDetail } from '../../../../contract/projects.ts';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveLandStandard } from '../api/project-mutations';
import { useProjectsI18n } from '../i18n';

type Indicator = NonNullable<ProjectDetail['landStandard']>['indicators'][number];
export const verdictColor = { met: 'success', not_met: 'error', pending: 'default' } as const;
export const figure = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 4 }));

/** 标准地: the promises (typed) against what the records show (derived), with each verdict and the overall one. */
export function LandPanel({ project, onReload }: { project: ProjectDetail; onReload: () => void }) {
  const { t } = useProjectsI18n();
  const [form] = Form.useForm();
  const save = useSaveLandStandard(project.id);
  const onError = useApiErrorHandler();
  const land = project.landStandard;
  const editable = project.actions.includes('editLand');
  const initial = Object.fromEntries(landIndicatorKeys.map((k) => [`${k}Promised`, land?.[`${k}Promised`]]));
  const byKey = new Map(land?.indicators.map((i) => [i.key, i]) ?? []);
  const rows = landIndicatorKeys.map((key) => byKey.get(key) ?? ({ key } as Partial<Indicator> & { key: LandIndicatorKey }));
  const source = (i: Partial<Indicator>) => (i.source ? t(`land.source.${i.source}`, { year: i.year ?? '' }) : '');
  return (
    <Form
      form={form}
      initialValues={initial}
      onFinish={(v) => save.mutate({ ...v, version: land?.version }, { onError: (e) => onError(e, { form, onReload }) })}
    >
      {land && (
        <Typography.Paragraph data-testid="land-verdict">
          {t('land.overall')}：<Tag color={verdictColor[land.verdict]}>{t(`land.${land.verdict}`)}</Tag>
        </Typography.Paragraph>
      )}
      <Table<Partial<Indicator> & { key: LandIndicatorKey }>
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={rows}
        columns={[
          { title: '', key: 'name', render: (_, r) => t(`land.${r.key}`) },
          {
            title: t('land.promised'),
            key: 'promised',
            render: (_, r) => (
              <Form.Item name={`${r.key}Promised`} noStyle>
                <InputNumber min={0} disabled={!editable} />
              </Form.Item>
            ),
          },
          {
            title: t('land.achieved'),
            key: 'achieved',
            render: (_, r) => (
              <span>
                {figure(r.achieved)}
                {r.source && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {source(r)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('land.verdict'),
            key: 'verdict',
            render: (_, r) => (r.verdict ? <Tag color={verdictColor[r.verdict]}>{t(`land.${r.verdict}`)}</Tag> : null),
          },
          {
            title: t('land.reported'),
            key: 'reported',
            render: (_, r) => (r.reported != null ? <Typography.Text type="secondary">{figure(r.reported)}</Typography.Text> : null),
          },
        ]}
      />
      <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('land.derivedHint')} />
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
          {t('land.save')}
        </Button>
      )}
    </Form>
  );
}
