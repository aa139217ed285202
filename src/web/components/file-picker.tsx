import type { ReactNode } from 'react';
import { Button, Upload } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';

export interface FilePickerProps {
  /** Accepted types, as the input's `accept` (".xlsx", "image/jpeg,image/png"). */
  accept?: string;
  /** Called with the chosen file; nothing is sent by the picker itself. */
  onPick: (file: File) => void;
  /** A drop area (with `hint` under the icon) instead of a button. */
  dragger?: boolean;
  /** The chosen file's name, shown under a drop area (with a remove link when `onClear` is given). */
  fileName?: string | null;
  onClear?: () => void;
  /** The button's text, or the drop area's line. */
  label?: ReactNode;
  hint?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  size?: 'small' | 'middle';
  /** Renders the button as an icon only (its label goes to aria-label and title). */
  iconOnly?: boolean;
  title?: string;
  testId?: string;
  /** Anything shown after the button (a hint). */
  children?: ReactNode;
}

/**
 * The one way the web picks a file to upload: a button or a drop area that hands the File to the
 * caller (`onPick`), who sends it its own way (an import, a photo, an attachment). antd's Upload
 * never posts anything here.
 */
export function FilePicker({ accept, onPick, dragger, fileName, onClear, label, hint, loading, disabled, size, iconOnly, title, testId, children }: FilePickerProps) {
  const common = {
    accept,
    maxCount: 1,
    disabled,
    beforeUpload: (file: File) => {
      onPick(file);
      return false;
    },
  };
  if (dragger)
    return (
      <Upload.Dragger
        {...common}
        fileList={fileName ? [{ uid: 'file', name: fileName, status: 'done' as const }] : []}
        onRemove={onClear ? () => (onClear(), true) : undefined}
        showUploadList={{ showRemoveIcon: Boolean(onClear) }}
        data-testid={testId}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{label}</p>
        {hint && <p className="ant-upload-hint">{hint}</p>}
      </Upload.Dragger>
    );
  return (
    <Upload {...common} showUploadList={false}>
      <Button
        size={size}
        icon={<UploadOutlined />}
        loading={loading}
        disabled={disabled}
        aria-label={iconOnly && typeof label === 'string' ? label : undefined}
        title={title}
        data-testid={testId}
      >
        {iconOnly ? null : label}
      </Button>
      {children}
    </Upload>
  );
}
