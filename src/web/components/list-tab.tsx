import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Drawer, Form, Space, Table, type FormInstance, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/use-i18n';
import { useApiErrorHandler } from '../lib/use-api-error-handler';

export type Editing<T> = T | 'new';

export interface ListTabProps<T extends { id: string }, V> {
  rows: T[] | undefined;
  loading: boolean;
  /** The table's columns; `edit(row)` opens the drawer on a row (a name link, an action button). */
  columns: (edit: (row: T) => void) => TableColumnsType<T>;
  /** Width the table scrolls to on a phone. */
  scrollX?: number;
  /** The caller may add and edit (their permission); adding also needs a zone to add to. */
  canEdit: boolean;
  canAdd?: boolean;
  newLabel: string;
  /** The drawer's title for a row. */
  editLabel: (row: T) => string;
  newTestId?: string;
  /** More buttons beside 新增 (exports, imports). */
  toolbar?: ReactNode;
  formName: string;
  drawerWidth?: number;
  /** The form's values when the drawer opens on a new record or a row. */
  initialValues: (editing: Editing<T>) => Partial<V>;
  /** Saves (create or update); a rejection lands on the form's fields. */
  save: (values: V, editing: Editing<T>) => Promise<unknown>;
  saving: boolean;
  successMessage?: string;
  /** Reread after a version conflict. */
  onReload?: () => void;
  /** The form's fields for a new record or a row. */
  children: (editing: Editing<T>, form: FormInstance<V>) => ReactNode;
}

/**
 * A tab of a feature page: a 新增 button (and more), a table, and one drawer with the record's form for
 * adding and editing. Opening resets the form to `initialValues`; saving shows the server's field
 * errors under their fields, a version conflict as the reload dialog, and closes on success.
 */
export function ListTab<T extends { id: string }, V extends object>(props: ListTabProps<T, V>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<Editing<T> | null>(null);
  const [form] = Form.useForm<V>();
  const { initialValues } = props;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(initialValues(editing) as never);
    // initialValues is a fresh closure each render; the form is reset only when the drawer opens.
  }, [editing, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !editing) return;
    try {
      await props.save(values as V, editing);
      message.success(props.successMessage ?? t('common.saved'));
      setEditing(null);
    } catch (error) {
      handleError(error, { form, onReload: props.onReload });
    }
  };
  const edit = (row: T) => setEditing(row);

  return (
    <div>
      {(props.canEdit || props.toolbar) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {props.canEdit && (
            <Button type="primary" icon={<PlusOutlined />} disabled={props.canAdd === false} onClick={() => setEditing('new')} data-testid={props.newTestId}>
              {props.newLabel}
            </Button>
          )}
          {props.toolbar}
        </Space>
      )}
      <Table<T>
        size="small"
        rowKey="id"
        loading={props.loading}
        dataSource={props.rows ?? []}
        scroll={{ x: props.scrollX ?? 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={props.columns(edit)}
      />
      <Drawer
        open={editing !== null}
        title={editing === 'new' ? props.newLabel : editing ? props.editLabel(editing) : ''}
        onClose={() => setEditing(null)}
        size={`min(${props.drawerWidth ?? 560}px, 100vw)`}
        forceRender
        destroyOnHidden={false}
        footer={
          <Space style={{ float: 'right' }}>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={props.saving} onClick={submit}>
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={form} name={props.formName} layout="vertical">
          {editing && props.children(editing, form)}
        </Form>
      </Drawer>
    </div>
  );
}
