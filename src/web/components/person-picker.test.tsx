// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider';
import { PersonPicker, type PersonOption } from './person-picker';

afterEach(cleanup);

const people: PersonOption[] = [
  { id: 'u1', displayName: '王磊' },
  { id: 'u2', displayName: '李婷' },
  { id: 'u3', displayName: '张建国' },
];

function FormWithPerson({
  initial,
  onValues,
  allowClear,
  open = true,
}: {
  initial?: string;
  onValues?: (v: { owner?: string }) => void;
  allowClear?: boolean;
  open?: boolean;
}) {
  const [form] = Form.useForm();
  return (
    <I18nProvider>
      <Form form={form} initialValues={{ owner: initial }} onValuesChange={(_, all) => onValues?.(all)}>
        <Form.Item name="owner" label="责任人">
          <PersonPicker aria-label="责任人" people={people} allowClear={allowClear} open={open} />
        </Form.Item>
      </Form>
    </I18nProvider>
  );
}

const optionTexts = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);

describe('PersonPicker: the one person picker', () => {
  it('shows the chosen person by name, not the id', () => {
    render(<FormWithPerson initial="u2" open={false} />);
    expect(screen.getByText('李婷')).toBeTruthy();
    expect(screen.queryByText('u2')).toBeNull();
  });

  it('offers everyone given and narrows by the typed name', async () => {
    render(<FormWithPerson />);
    expect(optionTexts()).toEqual(['王磊', '李婷', '张建国']);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('责任人'), { target: { value: '建国' } });
    });
    expect(optionTexts()).toEqual(['张建国']);
  });

  it('picking a person gives the form the user id', async () => {
    const seen: (string | undefined)[] = [];
    render(<FormWithPerson onValues={(v) => seen.push(v.owner)} />);
    await act(async () => {
      fireEvent.click(screen.getByText('王磊'));
    });
    expect(seen.at(-1)).toBe('u1');
  });

  it('is clearable by default, and not when said', () => {
    const { unmount } = render(<FormWithPerson initial="u1" />);
    expect(document.querySelector('.ant-select-clear')).not.toBeNull();
    unmount();
    render(<FormWithPerson initial="u1" allowClear={false} />);
    expect(document.querySelector('.ant-select-clear')).toBeNull();
  });

  it('says what to do when empty, in the reader\'s language', () => {
    render(<FormWithPerson open={false} />);
    const input = screen.getByLabelText('责任人') as HTMLInputElement;
    // antd shows it as a placeholder element or the input's placeholder, by version.
    expect(document.body.textContent + input.placeholder).toContain('选择人员（可输入姓名搜索）');
  });
});
