import { useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { referralOutcomes, type ReferralOutcome } from '../../../../contract/services/enums.ts';
import type { FinanceReferral } from '../../../../contract/services/finance.ts';
import { referralOutcomeLabels } from '../../../../contract/services/labels.ts';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateReferral } from '../api/create-referral';
import { useEvents } from '../api/list-events';
import { useInstitutions } from '../api/list-institutions';
import { useNeeds } from '../api/list-needs';
import { useProducts } from '../api/list-products';
import { useReferrals } from '../api/list-referrals';
import { useUpdateReferral } from '../api/update-referral';
import { labelOf, wanOf } from './labels';
import { DateField } from '../../../components/date-field';

interface Values {
  needId?: string;
  institutionId?: string;
  productId?: string | null;
  eventId?: string | null;
  referredOn?: string;
  outcome?: ReferralOutcome;
  grantedWan?: number | null;
  grantedOn?: string;
  note?: string;
}

const outcomeColor: Record<ReferralOutcome, string> = { pending: 'processing', granted: 'success', declined: 'default' };

/**
 * 推荐对接: a need referred to an institution (a product, at a 银企对接会), then its outcome: 已放款 with
 * the amount (never above the need) and day, or 未获批. New opens the referral form, a row its outcome.
 */
export function ReferralsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const referrals = useReferrals(listZone);
  const needs = useNeeds(zoneId ?? listZone);
  const institutions = useInstitutions(zoneId ?? listZone);
  const products = useProducts(zoneId ?? listZone);
  const events = useEvents(zoneId ?? listZone);
  const create = useCreateReferral();
  const update = useUpdateReferral();
  const manage = hasPermission('finance.manage');
  const [outcome, setOutcome] = useState<ReferralOutcome | undefined>();
  const required = [{ required: true, message: t('validation.required') }];
  const outcomeLabel = (o: ReferralOutcome) => labelOf(referralOutcomeLabels[o], locale);

  return (
    <ListTab<FinanceReferral, Values>
      rows={referrals.data?.filter((r) => !outcome || r.outcome === outcome)}
      loading={referrals.isLoading}
      scrollX={1100}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('finance.refer')}
      editLabel={(r) => t('finance.outcomeTitle', { name: r.enterpriseName })}
      newTestId="finance-new-referral"
      toolbar={
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('finance.allOutcomes')}
          value={outcome}
          onChange={setOutcome}
          options={referralOutcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))}
        />
      }
      formName="finance-referral-form"
      drawerWidth={600}
      saving={create.isPending || update.isPending}
      onReload={() => referrals.refetch()}
      initialValues={(editing) =>
        editing === 'new'
          ? { referredOn: chinaToday() }
          : {
              outcome: editing.outcome,
              grantedWan: wanOf(editing.grantedYuan),
              grantedOn: editing.grantedOn ?? chinaToday(),
              productId: editing.productId,
              eventId: editing.eventId,
              note: editing.note ?? undefined,
            }
      }
      save={(v, editing) => {
        if (editing === 'new')
          return create.mutateAsync({
            needId: v.needId!,
            institutionId: v.institutionId!,
            productId: v.productId ?? null,
            eventId: v.eventId ?? null,
            referredOn: v.referredOn || undefined,
            note: v.note || null,
          });
        const granted = v.outcome === 'granted';
        return update.mutateAsync({
          id: editing.id,
          version: editing.version,
          outcome: v.outcome,
          grantedWan: granted ? (v.grantedWan ?? null) : null,
          grantedOn: granted ? v.grantedOn || null : null,
          productId: v.productId ?? null,
          eventId: v.eventId ?? null,
          note: v.note || null,
        });
      }}
      columns={(edit) => [
        { title: t('finance.enterprise'), dataIndex: 'enterpriseName', width: 200 },
        { title: t('finance.amount'), dataIndex: 'needAmountYuan', width: 100, render: (v: number) => formatMoney(v, locale) },
        { title: t('finance.institution'), dataIndex: 'institutionName', width: 180 },
        { title: t('finance.product'), dataIndex: 'productName', width: 100 },
        { title: t('finance.event'), dataIndex: 'eventName' },
        { title: t('finance.referredOn'), dataIndex: 'referredOn', width: 110 },
        { title: t('finance.outcome'), dataIndex: 'outcome', width: 90, render: (o: ReferralOutcome) => <Tag color={outcomeColor[o]}>{outcomeLabel(o)}</Tag> },
        { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 100, render: (v: number | null) => formatMoney(v, locale) },
        ...(manage
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                render: (_: unknown, r: FinanceReferral) => (
                  <Button size="small" type="link" onClick={() => edit(r)} data-testid={`finance-outcome-${r.id}`}>
                    {t('finance.recordOutcome')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    >
      {(editing) => {
        const productField = (
          <Form.Item noStyle dependencies={['institutionId']}>
            {({ getFieldValue }) => {
              const institutionId = editing === 'new' ? getFieldValue('institutionId') : editing.institutionId;
              return (
                <Form.Item name="productId" label={t('finance.product')}>
                  <Select
                    allowClear
                    options={(products.data ?? []).filter((p) => p.institutionId === institutionId).map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
        );
        const eventField = (
          <Form.Item name="eventId" label={t('finance.event')}>
            <Select allowClear options={(events.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.heldOn}）` }))} />
          </Form.Item>
        );
        const noteField = (
          <Form.Item name="note" label={t('finance.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        );
        if (editing === 'new')
          return (
            <>
              <Form.Item name="needId" label={t('finance.needs')} rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(needs.data ?? [])
                    .filter((n) => n.status !== 'closed')
                    .map((n) => ({ value: n.id, label: `${n.enterpriseName}：${n.purpose}（${formatMoney(n.amountYuan, locale)}）` }))}
                />
              </Form.Item>
              <Form.Item name="institutionId" label={t('finance.institution')} rules={required}>
                <Select showSearch optionFilterProp="label" options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
              </Form.Item>
              {productField}
              {eventField}
              <Form.Item name="referredOn" label={t('finance.referredOn')}>
                <DateField notAfter={chinaToday()} />
              </Form.Item>
              {noteField}
            </>
          );
        return (
          <>
            <p>
              {editing.institutionName} · {editing.purpose}（{formatMoney(editing.needAmountYuan, locale)}）
            </p>
            <Form.Item name="outcome" label={t('finance.outcome')} rules={required}>
              <Select options={referralOutcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))} />
            </Form.Item>
            <Form.Item noStyle dependencies={['outcome']}>
              {({ getFieldValue }) =>
                getFieldValue('outcome') === 'granted' && (
                  <Row gutter={12}>
                    <Col xs={12}>
                      <Form.Item name="grantedWan" label={t('finance.grantedWan')} rules={required}>
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item name="grantedOn" label={t('finance.grantedOn')}>
                        <DateField notAfter={chinaToday()} />
                      </Form.Item>
                    </Col>
                  </Row>
                )
              }
            </Form.Item>
            {productField}
            {eventField}
            {noteField}
          </>
        );
      }}
    </ListTab>
  );
}
