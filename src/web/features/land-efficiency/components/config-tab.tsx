import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  grades,
  indicatorCatalogue,
  indicatorKeys,
  landEfficiencyPolicySchema,
  maxScore,
  type LandEfficiencyConfig,
  type LandEfficiencyPolicy,
} from '../../../../contract/land-efficiency.ts';
import { reasonText } from '../../../../contract/reasons.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useSaveLandEfficiencyConfig } from '../api/save-config';

interface IndicatorValues {
  key: keyof typeof indicatorCatalogue;
  weight: number;
  benchmarkKind: 'zone_average' | 'fixed';
  benchmarkValue?: number | null;
  cap: number;
}
type Values = Omit<LandEfficiencyPolicy, 'indicators'> & { indicators: IndicatorValues[] };

const toValues = (c: LandEfficiencyConfig): Values => ({
  ...c,
  indicators: c.indicators.map((i) => ({
    key: i.key,
    weight: i.weight,
    cap: i.cap,
    benchmarkKind: i.benchmark.kind,
    benchmarkValue: i.benchmark.kind === 'fixed' ? i.benchmark.value : null,
  })),
});
const toPolicy = (v: Values): LandEfficiencyPolicy => ({
  classMethod: v.classMethod,
  cutoffs: v.cutoffs,
  shares: v.shares,
  minLandMu: v.minLandMu ?? 0,
  indicators: (v.indicators ?? []).map((i) => ({
    key: i.key,
    weight: i.weight,
    cap: i.cap,
    benchmark: i.benchmarkKind === 'fixed' ? { kind: 'fixed' as const, value: i.benchmarkValue as number } : { kind: 'zone_average' as const },
  })),
});

/** 评价办法: indicators with weights, benchmarks and caps; classes by cut-offs or rank shares; checked as the server checks it. */
export function ConfigTab({ config, year }: { config: LandEfficiencyConfig; year: number }) {
  const { t, locale } = useI18n();
  const lang = locale === 'en-US' ? 1 : 0;
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveLandEfficiencyConfig();
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<string[]>([]);
  const editable = config.actions.includes('update');
  const watched = Form.useWatch([], form) as Values | undefined;
  const policy = watched?.indicators ? toPolicy(watched) : null;
  const sum = policy?.indicators.reduce((n, i) => n + (i.weight || 0), 0) ?? 0;
  const method = watched?.classMethod ?? config.classMethod;

  useEffect(() => {
    form.setFieldsValue(toValues(config));
    setProblems([]);
  }, [config, form]);

  const submit = async (v: Values) => {
    const parsed = landEfficiencyPolicySchema.safeParse(toPolicy(v));
    if (!parsed.success) {
      setProblems([...new Set(parsed.error.issues.map((i) => reasonText(i.message, locale) ?? `${i.path.join('.')}: ${i.message}`))]);
      return;
    }
    setProblems([]);
    try {
      await save.mutateAsync({ zoneId: config.zoneId, year, version: config.version, ...parsed.data });
      message.success(t('common.saved'));
    } catch (err) {
      onError(err, { form });
    }
  };

  const sourceText =
    config.source === 'saved'
      ? t('le.cfg.source.saved', { year })
      : config.source === 'earlier_year'
        ? t('le.cfg.source.earlier_year', { year: config.sourceYear ?? '' })
        : t('le.cfg.source.default');

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} data-testid="le-config">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type={config.source === 'saved' ? 'success' : 'info'} showIcon message={sourceText} description={t('le.cfg.formula')} />
        {!editable && <Alert type="warning" message={t('le.cfg.readOnly')} />}
        {problems.length > 0 && (
          <Alert type="error" showIcon message={t('le.cfg.invalid')} description={<ul style={{ margin: 0 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} data-testid="le-config-problems" />
        )}
        <Card size="small" title={<Space wrap>{t('le.cfg.weightsSum', { sum })}<Typography.Text type="secondary">{policy ? t('le.cfg.maxScore', { max: maxScore(policy.indicators) }) : null}</Typography.Text></Space>}>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="end">
                    <Form.Item name={[f.name, 'key']} label={t('le.cfg.indicator')} style={{ marginBottom: 0, width: 220 }}>
                      <Select options={indicatorKeys.map((k) => ({ value: k, label: `${indicatorCatalogue[k].label[lang]}（${indicatorCatalogue[k].unit[lang]}）` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={t('le.cfg.weight')} style={{ marginBottom: 0 }}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: 80 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'benchmarkKind']} label={t('le.cfg.benchmarkKind')} style={{ marginBottom: 0 }}>
                      <Select style={{ width: 110 }} options={[{ value: 'zone_average', label: t('le.cfg.zoneAverage') }, { value: 'fixed', label: t('le.cfg.fixed') }]} />
                    </Form.Item>
                    {watched?.indicators?.[f.name]?.benchmarkKind === 'fixed' && (
                      <Form.Item name={[f.name, 'benchmarkValue']} label={t('le.cfg.benchmarkValue')} style={{ marginBottom: 0 }}>
                        <InputNumber min={0} style={{ width: 100 }} />
                      </Form.Item>
                    )}
                    <Form.Item name={[f.name, 'cap']} label={t('le.cfg.cap')} style={{ marginBottom: 0 }}>
                      <InputNumber min={1} max={3} step={0.1} style={{ width: 90 }} />
                    </Form.Item>
                    {editable && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                  </Space>
                ))}
                {editable && fields.length < indicatorKeys.length && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: indicatorKeys.find((k) => !watched?.indicators?.some((i) => i?.key === k)), weight: 10, benchmarkKind: 'zone_average', cap: 1.2 })}>
                    {t('le.cfg.addIndicator')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('le.cfg.method')}>
          <Form.Item name="classMethod">
            <Radio.Group optionType="button" options={[{ value: 'shares', label: t('le.cfg.method.shares') }, { value: 'cutoffs', label: t('le.cfg.method.cutoffs') }]} />
          </Form.Item>
          <Space wrap>
            {method === 'cutoffs'
              ? (['A', 'B', 'C'] as const).map((g) => (
                  <Form.Item key={g} name={['cutoffs', g]} label={t('le.cfg.cutoff', { grade: g })} style={{ marginBottom: 0 }}>
                    <InputNumber min={0} style={{ width: 90 }} />
                  </Form.Item>
                ))
              : grades.map((g) => (
                  <Form.Item key={g} name={['shares', g]} label={t('le.cfg.share', { grade: g })} style={{ marginBottom: 0 }}>
                    <InputNumber min={0} max={100} style={{ width: 90 }} />
                  </Form.Item>
                ))}
            <Form.Item name="minLandMu" label={t('le.cfg.minLand')} style={{ marginBottom: 0 }}>
              <InputNumber min={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
        </Card>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="le-config-save">
            {t('common.save')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
