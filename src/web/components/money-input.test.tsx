// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider';
import { MoneyInput, moneyRule } from './money-input';

afterEach(cleanup);

function FormWithMoney({ initial, onValues }: { initial?: string; onValues?: (v: { amount?: string | null }) => void }) {
  const [form] = Form.useForm();
  return (
    <I18nProvider>
      <Form form={form} initialValues={{ amount: initial }} onValuesChange={(_, all) => onValues?.(all)}>
        <Form.Item name="amount" label="总投资" rules={[moneyRule('金额格式不正确')]}>
          <MoneyInput aria-label="总投资" />
        </Form.Item>
        <button type="submit" onClick={() => void form.validateFields().catch(() => null)}>
          保存
        </button>
      </Form>
    </I18nProvider>
  );
}

describe('MoneyInput: the one money input (万元)', () => {
  it('keeps the typed decimal string exact and reads a large amount back in 亿元', async () => {
    const seen: (string | null | undefined)[] = [];
    render(<FormWithMoney onValues={(v) => seen.push(v.amount)} />);
    const input = screen.getByLabelText('总投资') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { value: '16900.0001' } });
    });
    expect(seen.at(-1)).toBe('16900.0001');
    expect(screen.getByTestId('money-in-words').textContent).toContain('1.69亿元');
  });

  it('shows no words for an amount under 1亿 and the unit on the field', () => {
    render(<FormWithMoney initial="800" />);
    expect(screen.queryByTestId('money-in-words')).toBeNull();
    expect(document.body.textContent).toContain('万元');
  });

  it('its rule refuses more precision than 1 元 and a negative amount', async () => {
    const rule = moneyRule('bad');
    await expect(rule.validator(null, '1.00001')).rejects.toThrow('bad');
    await expect(rule.validator(null, '-5')).rejects.toThrow('bad');
    await expect(rule.validator(null, '1.2345')).resolves.toBeUndefined();
    await expect(moneyRule('bad', { allowNegative: true }).validator(null, '-5')).resolves.toBeUndefined();
    await expect(rule.validator(null, '')).resolves.toBeUndefined();
  });
});
