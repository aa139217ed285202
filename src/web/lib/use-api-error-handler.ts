import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useI18n } from '../i18n/use-i18n';
import { isApiError } from './api-error';

export interface ApiErrorHandlerOptions {
  /** Field errors from the server land on this form's fields. */
  form?: FormInstance;
  /** Called when the user accepts to reload after a version conflict. */
  onReload?: () => void;
}

/**
 * Shows an API failure the way users expect: field problems under their fields, a version conflict
 * as a dialog offering to reload, anything else as a message with the server's (translated) text.
 */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  const { t } = useI18n();

  return useCallback(
    (error: unknown, options: ApiErrorHandlerOptions = {}) => {
      if (!isApiError(error)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      if (error.code === 'VERSION_CONFLICT') {
        modal.confirm({
          title: t('conflict.title'),
          content: error.message,
          okText: t('conflict.reload'),
          cancelText: t('common.cancel'),
          onOk: options.onReload,
        });
        return;
      }
      if (error.code === 'NETWORK_ERROR') {
        message.error(t('error.network'));
        return;
      }
      const form = options.form;
      if (form && error.fields.length > 0) {
        // Every field the form shows, filled or not: `getFieldsValue(true)` alone leaves out fields
        // never touched (an empty 协议文件 upload), whose server error then marked nothing.
        const known = new Set([...Object.keys(form.getFieldsValue()), ...Object.keys(form.getFieldsValue(true))]);
        const fields = error.fields.map((f) => ({ name: f.field.split('.')[0], errors: [f.reason] }));
        const onForm = fields.filter((f) => known.has(f.name));
        form.setFields(onForm);
        // Problems on fields the form does not show still need to be seen.
        const elsewhere = fields.filter((f) => !known.has(f.name));
        message.error(elsewhere.length > 0 ? `${error.message}: ${elsewhere.map((f) => f.errors[0]).join('; ')}` : error.message);
        return;
      }
      message.error(error.message);
    },
    [message, modal, t],
  );
}
