import { Button, Card, Col, Input, InputNumber, Row, Space, Tag, Typography, theme } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ReviewedFigure } from '../../../../contract/intake.ts';
import { useI18n } from '../../../i18n/use-i18n';
import type { FigureItem } from './fact-items';

/** A zone figure read from the text (or added by hand): label, value, unit, before value and period editable. */
export function FigureCard(props: { item: FigureItem; active: boolean; onChange: (v: ReviewedFigure) => void; onToggle: () => void; onSelect: () => void; onHover: (on: boolean) => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { item } = props;
  const v = item.values;
  const id = (f: string) => `intake-${item.key}-${f}`;
  const set = (patch: Partial<ReviewedFigure>) => {
    const next = { ...v, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(patch)) if (next[k] === '' || next[k] === null || next[k] === undefined) delete next[k];
    props.onChange(next as ReviewedFigure);
  };
  const field = (f: string, label: string, node: React.ReactNode, md = 6) => (
    <Col xs={12} md={md} key={f}>
      <label htmlFor={id(f)} style={{ display: 'block', fontSize: 12, opacity: 0.65, marginBottom: 2 }}>
        {label}
      </label>
      {node}
    </Col>
  );
  return (
    <Card
      size="small"
      data-testid="figure-card"
      id={`intake-fact-${item.key}`}
      onMouseEnter={() => props.onHover(true)}
      onMouseLeave={() => props.onHover(false)}
      style={{ borderColor: props.active ? token.colorWarning : undefined, opacity: item.accepted ? 1 : 0.55 }}
      title={
        <Space size={6}>
          <Tag color="cyan">{t('intake.kind.figure')}</Tag>
          {item.span ? <Typography.Link onClick={props.onSelect}>{v.what || t('intake.newFigure')}</Typography.Link> : <span>{v.what || t('intake.newFigure')}</span>}
          {v.qualifier && <Tag color="orange">{t(`intake.qualifier.${v.qualifier}`)}</Tag>}
        </Space>
      }
      extra={
        <Button size="small" icon={item.accepted ? <CloseOutlined /> : <CheckOutlined />} onClick={props.onToggle}>
          {t(item.accepted ? 'intake.drop' : 'intake.accept')}
        </Button>
      }
    >
      <Row gutter={[8, 6]}>
        {field('what', t('intake.field.what'), <Input id={id('what')} size="small" value={v.what} disabled={!item.accepted} onChange={(e) => set({ what: e.target.value })} />, 12)}
        {field('value', t('intake.field.value'), <InputNumber id={id('value')} size="small" style={{ width: '100%' }} value={v.value} disabled={!item.accepted} onChange={(n) => set({ value: n ?? 0 })} />)}
        {field('unit', t('intake.field.unit'), <Input id={id('unit')} size="small" value={v.unit} disabled={!item.accepted} onChange={(e) => set({ unit: e.target.value })} />)}
        {field('from', t('intake.field.from'), <InputNumber id={id('from')} size="small" style={{ width: '100%' }} value={v.from ?? null} disabled={!item.accepted} onChange={(n) => set({ from: n ?? undefined })} />)}
        {field('period', t('intake.field.period'), <Input id={id('period')} size="small" placeholder="2026-01/2026-08" value={v.period ?? ''} disabled={!item.accepted} onChange={(e) => set({ period: e.target.value })} />)}
        {field('from_period', t('intake.field.from_period'), <Input id={id('from_period')} size="small" value={v.from_period ?? ''} disabled={!item.accepted} onChange={(e) => set({ from_period: e.target.value })} />)}
      </Row>
    </Card>
  );
}
