import { useEffect } from 'react';
import { App, Form } from 'antd';
import type { BlockerDetail } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useUpdateBlocker, type UpdateBlockerInput } from '../api/update-blocker';

type BlockerPatch = Omit<UpdateBlockerInput, 'id' | 'version'>;

/**
 * A dialog that changes one blocker with the version read (编辑, 转交): the form is filled when the
 * dialog opens (not on a background refetch, which would wipe what is being typed); saving shows
 * 已保存 and closes; the server's field errors land on the fields; a version conflict closes and reloads.
 */
export function useBlockerPatchForm<V extends object>(
  blocker: BlockerDetail,
  { open, initialValues, onClose, onReload }: { open: boolean; initialValues: () => Partial<V>; onClose: () => void; onReload: () => void },
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<V>();
  const update = useUpdateBlocker();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues() as Parameters<typeof form.setFieldsValue>[0]);
    // Only when opened: see above.
  }, [open, form]);

  const submit = async (toPatch: (values: V) => BlockerPatch) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    update.mutate(
      { id: blocker.id, version: blocker.version, ...toPatch(values) },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) =>
          handleError(error, {
            form,
            onReload: () => {
              onClose();
              onReload();
            },
          }),
      },
    );
  };
  return { form, submit, saving: update.isPending };
}
