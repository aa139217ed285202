// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from './date-field';

afterEach(cleanup);

function FormWithDate({ initial, onValues }: { initial?: string; onValues: (v: { day?: string | null }) => void }) {
  const [form] = Form.useForm();
  return (
    <Form form={form} initialValues={{ day: initial }} onValuesChange={(_, all) => onValues(all)}>
      <Form.Item name="day" label="日期">
        <DateField aria-label="日期" />
      </Form.Item>
    </Form>
  );
}

describe('DateField: the one date input', () => {
  it('shows the ISO day it holds, whatever the browser zone', () => {
    render(<FormWithDate initial="2026-04-08" onValues={() => {}} />);
    expect((screen.getByLabelText('日期') as HTMLInputElement).value).toBe('2026-04-08');
  });

  it('typing a day gives the form the ISO string', async () => {
    const seen: (string | null | undefined)[] = [];
    render(<FormWithDate onValues={(v) => seen.push(v.day)} />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    await act(async () => {
      fireEvent.mouseDown(input);
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: '2026-12-31' } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    });
    expect(seen.at(-1)).toBe('2026-12-31');
  });

  it('shows nothing for a value that is not a day rather than a wrong day', () => {
    render(<FormWithDate initial="2026-02-30" onValues={() => {}} />);
    expect((screen.getByLabelText('日期') as HTMLInputElement).value).toBe('');
  });
});
