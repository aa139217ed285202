import { useState } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { financeNeedStatuses, type FinanceNeedStatus } from '../../../../contract/services/enums.ts';
import type { FinanceNeed } from '../../../../contract/services/finance.ts';
import { financeNeedStatusLabels } from '../../../../contract/services/labels.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { ListTab } from '../../../components/list-tab';
import { useI18n } from '../../../i18n/use-i18n';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useCreateNeed } from '../api/create-need';
import { useNeeds } from '../api/list-needs';
import { useUpdateNeed } from '../api/update-need';
import { labelOf, wanOf } from './labels';
import { DateField } from '../../../components/date-field';

interface Values {
  enterpriseId: string;
  amountWan: number;
  purpose: string;
  termMonths?: number | null;
  collateral?: string;
  raisedOn?: string;
  note?: string;
  closed?: boolean;
}

export const needStatusColor: Record<FinanceNeedStatus, string> = { open: 'warning', referred: 'processing', granted: 'success', closed: 'default' };

/** 融资需求: the enterprises' needs (amount, purpose, term, collateral), their status following the referrals. */
export function NeedsTab({ zoneId, listZone }: { zoneId: string | null; listZone: string | null }) {
  const { t, locale } = useI18n();
  const { hasPermission } = useSession();
  const needs = useNeeds(listZone);
  const create = useCreateNeed();
  const update = useUpdateNeed();
  const manage = hasPermission('finance.manage');
  const [status, setStatus] = useState<FinanceNeedStatus | undefined>();
  const required = [{ required: true, message: t('validation.required') }];
  const statusLabel = (s: FinanceNeedStatus) => labelOf(financeNeedStatusLabels[s], locale);

  return (
    <ListTab<FinanceNeed, Values>
      rows={needs.data?.filter((n) => !status || n.status === status)}
      loading={needs.isLoading}
      scrollX={1000}
      canEdit={manage}
      canAdd={Boolean(zoneId)}
      newLabel={t('finance.newNeed')}
      editLabel={(n) => `${t('finance.editNeed')}：${n.enterpriseName}`}
      newTestId="finance-new-need"
      toolbar={
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('finance.status')}
          value={status}
          onChange={setStatus}
          options={financeNeedStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          data-testid="finance-need-status-filter"
        />
      }
      formName="finance-need-form"
      drawerWidth={640}
      saving={create.isPending || update.isPending}
      onReload={() => needs.refetch()}
      initialValues={(editing) =>
        editing === 'new'
          ? { raisedOn: chinaToday() }
          : {
              enterpriseId: editing.enterpriseId,
              amountWan: wanOf(editing.amountYuan) ?? undefined,
              purpose: editing.purpose,
              termMonths: editing.termMonths,
              collateral: editing.collateral ?? undefined,
              raisedOn: editing.raisedOn,
              note: editing.note ?? undefined,
              closed: editing.status === 'closed',
            }
      }
      save={(v, editing) => {
        const { closed, ...rest } = v;
        const body = { ...rest, termMonths: v.termMonths ?? null, collateral: v.collateral || null, note: v.note || null, raisedOn: v.raisedOn || undefined };
        return editing === 'new'
          ? create.mutateAsync({ zoneId: zoneId!, ...body })
          : update.mutateAsync({
              id: editing.id,
              version: editing.version,
              ...body,
              ...(Boolean(closed) !== (editing.status === 'closed') ? { closed: Boolean(closed) } : {}),
            });
      }}
      columns={(edit) => [
        { title: t('finance.enterprise'), dataIndex: 'enterpriseName', render: (v: string, n) => (manage ? <a onClick={() => edit(n)}>{v}</a> : v) },
        { title: t('finance.amount'), dataIndex: 'amountYuan', width: 110, render: (v: number) => formatMoney(v, locale) },
        { title: t('finance.purpose'), dataIndex: 'purpose', width: 200 },
        { title: t('finance.termMonths'), dataIndex: 'termMonths', width: 90 },
        { title: t('finance.needCollateral'), dataIndex: 'collateral', width: 140 },
        { title: t('finance.raisedOn'), dataIndex: 'raisedOn', width: 110 },
        {
          title: t('finance.status'),
          dataIndex: 'status',
          width: 90,
          render: (s: FinanceNeedStatus) => <Tag color={needStatusColor[s]}>{statusLabel(s)}</Tag>,
        },
        { title: t('finance.referrals'), dataIndex: 'referralCount', width: 80 },
        { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 110, render: (v: number) => formatMoney(v, locale) },
      ]}
    >
      {(editing) => (
        <>
          <Form.Item name="enterpriseId" label={t('finance.enterprise')} rules={required}>
            <EnterprisePicker current={editing !== 'new' ? { id: editing.enterpriseId, name: editing.enterpriseName } : null} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="amountWan" label={t('finance.amountWan')} rules={required}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="termMonths" label={t('finance.termMonths')}>
                <InputNumber min={1} max={600} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="purpose" label={t('finance.purpose')} rules={required}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="collateral" label={t('finance.needCollateral')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="raisedOn" label={t('finance.raisedOn')}>
            <DateField notAfter={chinaToday()} />
          </Form.Item>
          <Form.Item name="note" label={t('finance.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="closed" valuePropName="checked">
              <Checkbox>{t('finance.closed')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
    </ListTab>
  );
}
