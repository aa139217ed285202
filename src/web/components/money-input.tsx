import { InputNumber, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { formatMoney, toYuan } from '../../contract/money.ts';
import { useI18n } from '../i18n/use-i18n';

export interface MoneyInputProps {
  /** The amount in 万元 as typed (a decimal string keeps it exact; the contracts take strings or numbers). */
  value?: string | number | null;
  onChange?: (value: string | null) => void;
  /** Adjustments may be negative; amounts are not by default. */
  allowNegative?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  placeholder?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/**
 * The one money input: typed in 万元 (the unit on the field), kept as the decimal string typed so
 * 1.69亿 is exactly 16900万, with the amount read back in words below once it is large
 * ("＝ 1.69亿元"): the 万/亿 slip an official makes on a spreadsheet shows before it is saved.
 */
export function MoneyInput({ value, onChange, allowNegative = false, style, ...rest }: MoneyInputProps) {
  const { t, locale } = useI18n();
  const yuan = value === null || value === undefined || value === '' ? null : toYuan(value, 'wan');
  return (
    <>
      <InputNumber<string>
        {...rest}
        stringMode
        min={allowNegative ? undefined : '0'}
        style={{ width: '100%', ...style }}
        suffix={t('money.wanUnit')}
        value={value === null || value === undefined ? null : String(value)}
        onChange={(v) => onChange?.(v === null || v === '' ? null : String(v))}
      />
      {yuan !== null && Math.abs(yuan) >= 100_000_000 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="money-in-words">
          ＝ {formatMoney(yuan, locale)}
        </Typography.Text>
      )}
    </>
  );
}

/** The form rule of a 万元 amount: a number with at most 4 decimals (1 元), not negative unless allowed. */
export function moneyRule(message: string, options: { allowNegative?: boolean } = {}) {
  return {
    validator: (_: unknown, value: unknown) => {
      if (value === null || value === undefined || value === '') return Promise.resolve();
      const yuan = toYuan(String(value), 'wan');
      return yuan === null || (yuan < 0 && !options.allowNegative) ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}
