import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { assessableKpis, type AssessableKpi } from '../../../../contract/kpis.ts';
import type { AssessmentItem, AssessmentScheme, Cutoffs } from '../../../../contract/statistics.ts';
import { assessmentMeasureLabels, assessmentMeasures, indicators } from '../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { isApiError } from '../../../lib/api-error';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveScheme } from '../api/save-scheme';

/** An item's indicator in the one select: a 统计局 code as is, a KPI as `kpi:<code>`. */
const KPI = 'kpi:';
const pickOf = (i: AssessmentItem): AssessmentItem => (i.source === 'kpi' ? { ...i, code: `${KPI}${i.code}` } : i);
const itemOf = (i: AssessmentItem): AssessmentItem =>
  i.code.startsWith(KPI) ? { ...i, source: 'kpi', code: i.code.slice(KPI.length), measure: 'value' } : { ...i, source: 'statistic' };

interface Values {
  name: string;
  items: AssessmentItem[];
  cutoffs: Cutoffs;
}

/**
 * The year's 考核指标体系 as data: items (indicator, measure, weight, target) and the grade cut-offs.
 * A new year starts from the latest scheme. Saved with the version read.
 */
export function SchemeDrawer({ year, scheme, isNew, onClose }: { year: number; scheme: AssessmentScheme | null; isNew: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveScheme();
  const [form] = Form.useForm<Values>();
  const items = Form.useWatch('items', form) ?? scheme?.items ?? [];
  const weights = Math.round(items.reduce((n, i) => n + Number(i?.weight ?? 0), 0) * 100) / 100;
  const l = (pair: readonly [string, string]) => pair[locale === 'en-US' ? 1 : 0];

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({
        year,
        version: isNew ? null : (scheme?.version ?? null),
        ...values,
        items: values.items.map(itemOf),
      });
      message.success(t('assess.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [f.reason] })));
        message.error(error.fields.map((f) => f.reason).join('；'));
      } else onError(error, { onReload: onClose });
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(760, typeof window === 'undefined' ? 760 : window.innerWidth)}
      title={`${year} · ${isNew ? t('assess.newScheme') : t('assess.editScheme')}`}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="assess-save-scheme">
          {t('stats.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: isNew ? `${year}年度全省开发区考核指标体系` : scheme?.name,
          items: (scheme?.items ?? []).map(pickOf),
          cutoffs: scheme?.cutoffs ?? { excellent: 90, good: 80, pass: 70, basicPass: 60 },
        }}
      >
        <Form.Item name="name" label={t('assess.schemeName')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true }]} style={{ marginBottom: 4 }}>
                    <Select
                      style={{ width: 180 }}
                      aria-label={t('assess.item')}
                      showSearch
                      optionFilterProp="label"
                      options={[
                        { label: t('assess.statistics'), options: indicators.map((i) => ({ value: i.code, label: locale === 'en-US' ? i.en : i.zh })) },
                        {
                          label: t('assess.kpis'),
                          options: (Object.keys(assessableKpis) as AssessableKpi[]).map((k) => ({ value: `${KPI}${k}`, label: t(`rank.ind.${k}` as never) })),
                        },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['items', f.name, 'code']]}>
                    {({ getFieldValue }) => {
                      const code = String(getFieldValue(['items', f.name, 'code']) ?? '');
                      const kpi = code.startsWith(KPI) ? (code.slice(KPI.length) as AssessableKpi) : null;
                      return (
                        <Form.Item name={[f.name, 'measure']} rules={[{ required: true }]} style={{ marginBottom: 4 }} extra={kpi ? t(`assess.kpiUnit.${assessableKpis[kpi]}` as never) : undefined}>
                          <Select
                            style={{ width: 170 }}
                            aria-label={t('assess.measure')}
                            options={assessmentMeasures.filter((m) => !kpi || m === 'value').map((m) => ({ value: m, label: l(assessmentMeasureLabels[m]) }))}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 4 }}>
                    <InputNumber min={0} max={100} addonBefore={t('assess.weight')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']} rules={[{ required: true }]} style={{ marginBottom: 4 }}>
                    <InputNumber min={0.0001} addonBefore={t('assess.target')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ source: 'statistic', code: 'tax_revenue', measure: 'value', weight: 0, target: 1 })}>
                {t('assess.addItem')}
              </Button>
              <Typography.Paragraph type={weights === 100 ? 'secondary' : 'danger'} style={{ marginTop: 8 }}>
                {t('assess.weightsSum', { n: weights })}
              </Typography.Paragraph>
            </div>
          )}
        </Form.List>
        <Form.Item label={t('assess.cutoffs')} style={{ marginBottom: 0 }}>
          <Space wrap>
            {(['excellent', 'good', 'pass', 'basicPass'] as const).map((k) => (
              <Form.Item key={k} name={['cutoffs', k]} noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={100}
                  addonBefore={l(
                    { excellent: ['优秀', 'Excellent'], good: ['良好', 'Good'], pass: ['合格', 'Pass'], basicPass: ['基本合格', 'Basic pass'] }[k] as [
                      string,
                      string,
                    ],
                  )}
                  style={{ width: 170 }}
                />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
