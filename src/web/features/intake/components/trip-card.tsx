import { Button, Card, Col, Input, InputNumber, Row, Space, Tag, Typography, theme } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/use-i18n';
import type { TripItem } from './fact-items';

/** A trip read from the text: destination, leader, dates (full days needed to save) and results by enterprise, editable. */
export function TripCard(props: { item: TripItem; active: boolean; onChange: (v: TripItem['values']) => void; onToggle: () => void; onSelect: () => void; onHover: (on: boolean) => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { item } = props;
  const v = item.values;
  const id = (f: string) => `intake-${item.key}-${f}`;
  const set = (patch: Partial<TripItem['values']>) => props.onChange({ ...v, ...patch });
  const label = (f: string, text: string) => (
    <label htmlFor={id(f)} style={{ display: 'block', fontSize: 12, opacity: 0.65, marginBottom: 2 }}>
      {text}
    </label>
  );
  const text = (f: 'destination' | 'leader' | 'start' | 'end', caption: string, placeholder?: string) => (
    <Col xs={12} md={6} key={f}>
      {label(f, caption)}
      <Input id={id(f)} size="small" placeholder={placeholder} value={v[f]} disabled={!item.accepted} onChange={(e) => set({ [f]: e.target.value })} />
    </Col>
  );
  const count = (f: 'visited' | 'signed' | 'framework' | 'intent', caption: string) => (
    <Col xs={12} md={6} key={f}>
      {label(f, caption)}
      <InputNumber id={id(f)} size="small" min={0} style={{ width: '100%' }} value={v[f] ?? null} disabled={!item.accepted} onChange={(n) => set({ [f]: n ?? undefined })} />
    </Col>
  );
  return (
    <Card
      size="small"
      data-testid="trip-card"
      id={`intake-fact-${item.key}`}
      onMouseEnter={() => props.onHover(true)}
      onMouseLeave={() => props.onHover(false)}
      style={{ borderColor: props.active ? token.colorWarning : undefined, opacity: item.accepted ? 1 : 0.55 }}
      title={
        <Space size={6}>
          <Tag color="gold">{t('intake.kind.trip')}</Tag>
          <Typography.Link onClick={props.onSelect}>{t('intake.tripTitle', { destination: v.destination })}</Typography.Link>
        </Space>
      }
      extra={
        <Button size="small" icon={item.accepted ? <CloseOutlined /> : <CheckOutlined />} onClick={props.onToggle}>
          {t(item.accepted ? 'intake.drop' : 'intake.accept')}
        </Button>
      }
    >
      <Row gutter={[8, 6]}>
        {text('destination', t('intake.field.destination'))}
        {text('leader', t('intake.field.leader'))}
        {text('start', t('intake.field.tripStart'), 'YYYY-MM-DD')}
        {text('end', t('intake.field.tripEnd'), 'YYYY-MM-DD')}
        {count('visited', t('intake.field.visited'))}
        {count('signed', t('intake.field.signedCount'))}
        {count('framework', t('intake.field.frameworkCount'))}
        {count('intent', t('intake.field.intentCount'))}
      </Row>
      {v.enterprises.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
          {t('intake.tripEnterprises', { names: v.enterprises.join('、') })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
