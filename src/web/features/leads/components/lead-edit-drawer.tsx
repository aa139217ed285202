import { useNavigate } from 'react-router';
import { App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { MoneyInput } from '../../../components/money-input';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeadDetail } from '../../../../contract/leads.ts';
import { fromYuan } from '../../../../contract/money.ts';
import { chainActions, leadMethods, partnerKinds, partnerKindLabels } from '../../../../contract/pipeline-enums.ts';
import { EnterprisePicker } from '../../../components/enterprise-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useLeadDuplicates } from '../api/lead-duplicates';
import { useOwners } from '../api/list-owners';
import { useUpdateLead } from '../api/update-lead';
import { DuplicateLeadsAlert, useMergeFlow } from './duplicate-leads';
import { pipelineLabels } from './labels';
import { PersonPicker } from '../../../components/person-picker';

interface PartnerValues {
  kind: (typeof partnerKinds)[number];
  name?: string;
  /** Kept from the record (a partner linked to the enterprise library); not edited here. */
  enterpriseId?: string | null;
}

interface EditValues {
  name: string;
  enterpriseId?: string | null;
  method: string;
  sector?: string;
  chainLink?: string;
  chainAction?: string | null;
  plannedInvestmentWan?: string;
  plannedOutputWan?: string;
  likelihood?: number | null;
  nextStep?: string;
  nextStepOn?: Dayjs | null;
  ownerId?: string | null;
  platformContact?: string;
  partners?: PartnerValues[];
  allowDuplicate?: boolean;
  duplicateReason?: string;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
const dateText = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function initialValues(l: LeadDetail): EditValues {
  return {
    name: l.name,
    enterpriseId: l.enterpriseId,
    method: l.method,
    sector: l.sector ?? '',
    chainLink: l.chainLink ?? '',
    chainAction: l.chainAction,
    plannedInvestmentWan: l.plannedInvestmentYuan == null ? '' : fromYuan(l.plannedInvestmentYuan, 'wan'),
    plannedOutputWan: l.plannedOutputYuan == null ? '' : fromYuan(l.plannedOutputYuan, 'wan'),
    likelihood: l.likelihood,
    nextStep: l.nextStep ?? '',
    nextStepOn: l.nextStepOn ? dayjs(l.nextStepOn) : null,
    ownerId: l.ownerId,
    platformContact: l.platformContact ?? '',
    partners: l.partners.map((p) => ({ kind: p.kind, name: p.name, enterpriseId: p.enterpriseId })),
  };
}

/**
 * 编辑线索: the lead's fields in one drawer, saved with the version read (PATCH /api/leads/:id). An
 * owner change becomes an `owner` event on the server; partners (the N of 1+1+N) are replaced as a list.
 */
export function LeadEditDrawer({ lead, open, onClose, onReload }: { lead: LeadDetail; open: boolean; onClose: () => void; onReload: () => void }) {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateLead();
  const onError = useApiErrorHandler();
  const owners = useOwners(lead.zoneId);
  const partnerLabel = (k: (typeof partnerKinds)[number]) => partnerKindLabels[k][locale === 'en-US' ? 1 : 0];
  const navigate = useNavigate();
  const mergeFlow = useMergeFlow();
  // A new name or investor is checked for duplicates as a new lead is; the existing one can take this one in.
  const name = Form.useWatch('name', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const changed = name !== undefined && ((name ?? '').trim() !== lead.name || (enterpriseId ?? null) !== lead.enterpriseId);
  const duplicates = useLeadDuplicates({ zoneId: lead.zoneId, name, enterpriseId, excludeId: lead.id }, open && changed);
  const found = changed ? (duplicates.data ?? []) : [];
  const allowDuplicate = Form.useWatch('allowDuplicate', form);

  const ownerOptions = (owners.data ?? []).filter((o) => o.zoneIds.includes(lead.zoneId));
  if (lead.ownerId && !ownerOptions.some((o) => o.id === lead.ownerId)) ownerOptions.unshift({ id: lead.ownerId, displayName: lead.ownerName ?? lead.ownerId, zoneIds: [lead.zoneId] });

  const submit = async () => {
    if (!(await form.validateFields().catch(() => null))) return; // the form shows what is missing
    // All values, including those kept but not shown (a partner's enterprise link).
    const v = form.getFieldsValue(true) as EditValues;
    try {
      await update.mutateAsync({
        id: lead.id,
        version: lead.version,
        name: v.name.trim(),
        enterpriseId: v.enterpriseId ?? null,
        method: v.method as LeadDetail['method'],
        sector: text(v.sector),
        chainLink: text(v.chainLink),
        chainAction: (v.chainAction ?? null) as LeadDetail['chainAction'],
        plannedInvestmentWan: text(v.plannedInvestmentWan),
        plannedOutputWan: text(v.plannedOutputWan),
        likelihood: v.likelihood ?? null,
        nextStep: text(v.nextStep),
        nextStepOn: dateText(v.nextStepOn),
        ownerId: v.ownerId ?? null,
        platformContact: text(v.platformContact),
        partners: (v.partners ?? []).filter((p) => text(p.name)).map((p) => ({ kind: p.kind, name: p.name!.trim(), enterpriseId: p.enterpriseId ?? null })),
        ...(found.length && v.allowDuplicate ? { allowDuplicate: true, duplicateReason: text(v.duplicateReason) } : {}),
      });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      onError(error, {
        form,
        onReload: () => {
          onClose();
          onReload();
        },
      });
    }
  };

  const money = { pattern: /^\d+(\.\d{1,4})?$/, message: t('leads.edit.moneyFormat') };

  return (
    <Drawer
      open={open}
      width={640}
      title={`${t('common.edit')} · ${lead.code}`}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={submit} data-testid="lead-edit-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="lead-edit" initialValues={initialValues(lead)} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('leads.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
          validateStatus={found.length ? 'warning' : undefined}
          help={found.length ? t('leads.dup.help') : undefined}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('leads.investor')}>
          <EnterprisePicker
            placeholder={t('leads.edit.investorSearch')}
            current={lead.enterpriseId ? { id: lead.enterpriseId, name: lead.enterpriseName ?? '', creditCode: lead.enterpriseCreditCode } : null}
          />
        </Form.Item>
        {found.length > 0 && (
          <>
            <DuplicateLeadsAlert
              duplicates={found}
              action={
                lead.projectId
                  ? undefined
                  : {
                      label: t('leads.dup.mergeInto'),
                      loading: mergeFlow.pending,
                      // This lead goes into the existing one, which then holds its records.
                      onClick: (d) =>
                        mergeFlow.run(d, lead, () => {
                          onClose();
                          navigate(`/leads/${d.id}`);
                        }),
                    }
              }
            />
            <Form.Item name="allowDuplicate" valuePropName="checked">
              <Checkbox>{t('leads.dup.allow')}</Checkbox>
            </Form.Item>
            {allowDuplicate && (
              <Form.Item name="duplicateReason" label={t('leads.dup.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input />
              </Form.Item>
            )}
          </>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="method" label={t('leads.method')} rules={[{ required: true }]}>
              <Select options={leadMethods.map((m) => ({ value: m, label: labels.method(m) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sector" label={t('leads.sector')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="chainLink" label={t('leads.chainLink')} rules={[{ max: 60 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="chainAction" label={t('leads.chainAction')}>
              <Select allowClear options={chainActions.map((c) => ({ value: c, label: labels.chainAction(c) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="plannedInvestmentWan" label={t('leads.plannedInvestment')} rules={[money]}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="plannedOutputWan" label={t('leads.plannedOutput')} rules={[money]}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="likelihood" label={t('leads.likelihood')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerId" label={t('leads.owner')}>
              <PersonPicker loading={owners.isPending} people={ownerOptions} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="nextStep" label={t('leads.nextStep')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nextStepOn" label={t('leads.nextStepOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="platformContact" label={t('leads.platformContact')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Typography.Text strong>{t('leads.partners')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('leads.edit.partnersHint')}
        </Typography.Paragraph>
        <Form.List name="partners">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 140 }} options={partnerKinds.map((k) => ({ value: k, label: partnerLabel(k) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, max: 100 }]}>
                    <Input placeholder={t('leads.edit.partnerName')} style={{ width: 320 }} />
                  </Form.Item>
                  <Button type="text" aria-label={t('leads.edit.removePartner')} onClick={() => remove(f.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({ kind: 'chain_leader', name: '' })} disabled={fields.length >= 20}>
                {t('leads.edit.addPartner')}
              </Button>
            </>
          )}
        </Form.List>
        {/* Enter in a field submits, as in the other forms. */}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
