// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlParams } from './use-url-params';

const defaults = { q: undefined as string | undefined, sort: 'name', page: 1, pageSize: 20 };

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
  return renderHook(
    () => {
      const [params, update] = useUrlParams(defaults);
      return { params, update, search: useLocation().search };
    },
    { wrapper },
  );
}

describe('list state in the address', () => {
  it('reads filters, sort and page from the address, numbers as numbers', () => {
    const { result } = setup('/enterprises?q=%E9%93%9D&sort=registeredCapital&page=3');
    expect(result.current.params).toEqual({ q: '铝', sort: 'registeredCapital', page: 3, pageSize: 20 });
  });

  it('keeps defaults out of the address and goes back to page 1 when a filter changes', () => {
    const { result } = setup('/enterprises?page=4');
    act(() => result.current.update({ q: '钢铁' }));
    expect(result.current.params).toMatchObject({ q: '钢铁', page: 1 });
    expect(result.current.search).toBe('?q=%E9%92%A2%E9%93%81');
    act(() => result.current.update({ page: 2 }));
    expect(result.current.search).toBe('?q=%E9%92%A2%E9%93%81&page=2');
    act(() => result.current.update({ q: '', sort: 'name' }));
    expect(result.current.search).toBe('');
  });

  it('ignores a page that is not a number', () => {
    const { result } = setup('/enterprises?page=abc');
    expect(result.current.params.page).toBe(1);
  });
});
