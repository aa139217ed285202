import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { MoneyInput, moneyRule } from '../../../components/money-input';
import dayjs from 'dayjs';
import { leadStages, stageGates, type LeadStage } from '../../../../contract/pipeline-enums.ts';
import { FilePicker } from '../../../components/file-picker';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useChangeStage } from '../api/change-stage';
import { useUploadFile } from '../api/upload-file';
import { pipelineLabels } from './labels';

export interface GateTarget {
  leadId: string;
  version: number;
  stage: LeadStage;
  /** The lead's stage now: a move back asks for its reason instead of an agreement. */
  from: LeadStage;
}

/**
 * Moves a lead to a stage. A gated stage (框架协议, 正式签约) asks for its agreement here: date,
 * amount and file, sent with the stage change so the server checks the gate in one transaction.
 * A move back a stage asks for its reason (required; kept in the stage history).
 */
export function GateAgreementModal({ target, onClose }: { target: GateTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  const [form] = Form.useForm();
  const changeStage = useChangeStage();
  const upload = useUploadFile();
  const onError = useApiErrorHandler();
  const [fileId, setFileId] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const back = target ? leadStages.indexOf(target.stage) < leadStages.indexOf(target.from) : false;
  const gate = target && !back ? stageGates[target.stage] : undefined;

  const close = () => {
    form.resetFields();
    setFileId(null);
    setFileName(null);
    onClose();
  };

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    try {
      await changeStage.mutateAsync({
        id: target.leadId,
        version: target.version,
        stage: target.stage,
        note: v.note || undefined,
        reason: back ? v.reason : undefined,
        agreement: gate
          ? {
              kind: gate,
              signedOn: v.signedOn.format('YYYY-MM-DD'),
              amountWan: String(v.amountWan),
              fileId: fileId ?? undefined,
              signingEventName: v.signingEventName || undefined,
            }
          : undefined,
      });
      close();
    } catch (error) {
      onError(error, { form });
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target ? (gate ? t('leads.gateTitle', { stage: labels.stage(target.stage) }) : `${t('leads.moveTo')} ${labels.stage(target.stage)}`) : ''}
      onCancel={close}
      onOk={submit}
      confirmLoading={changeStage.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="gate" initialValues={{ signedOn: dayjs() }}>
        {gate && (
          <>
            <Typography.Paragraph type="secondary">
              {t('leads.gateHint')} · {labels.agreementKind(gate)}
            </Typography.Paragraph>
            <Form.Item name="signedOn" label={t('leads.signedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="amountWan" label={t('leads.amountWan')} rules={[{ required: true }, moneyRule(t('validation.money'))]}>
              <MoneyInput style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="signingEventName" label={t('leads.signingEvent')}>
              <Input placeholder="汾东经开区重点项目集中签约仪式" />
            </Form.Item>
            <Form.Item label={t('leads.file')} required>
              <FilePicker
                label={t('leads.upload')}
                loading={upload.isPending}
                onPick={async (file) => {
                  try {
                    const saved = await upload.mutateAsync({ leadId: target!.leadId, file });
                    setFileId(saved.id);
                    setFileName(saved.name);
                  } catch (error) {
                    onError(error);
                  }
                }}
              />
              {fileName && <Typography.Text style={{ marginLeft: 8 }}>{fileName}</Typography.Text>}
            </Form.Item>
          </>
        )}
        {back && (
          <Form.Item name="reason" label={t('leads.stageBackReason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('leads.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
