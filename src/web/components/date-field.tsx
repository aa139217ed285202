import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { CSSProperties } from 'react';

dayjs.extend(customParseFormat);

const isoDay = 'YYYY-MM-DD';

export interface DateFieldProps {
  /** A China calendar day as the API speaks it ('2026-04-08'), or empty. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Days after this one cannot be picked (e.g. a date something happened: not after today). */
  notAfter?: string;
  /** Days before this one cannot be picked (e.g. a deadline: not before the day it was raised). */
  notBefore?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * The one date input of a form: antd's picker (the same look and keyboard as every other form,
 * typing 2026-04-08 works) holding the ISO day string the contracts use, so a Form.Item needs no
 * conversion either way. The day is the calendar day shown, never shifted by the browser's zone.
 */
export function DateField({ value, onChange, notAfter, notBefore, style, allowClear = true, ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value, isoDay, true) : null;
  return (
    <DatePicker
      {...rest}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      format={isoDay}
      value={parsed?.isValid() ? parsed : null}
      onChange={(day) => onChange?.(day ? day.format(isoDay) : null)}
      disabledDate={(day) => Boolean((notAfter && day.format(isoDay) > notAfter) || (notBefore && day.format(isoDay) < notBefore))}
    />
  );
}
