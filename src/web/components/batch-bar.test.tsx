// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-provider';
import { ApiError } from '../lib/api-error';
import { BatchBar, batchErrorText } from './batch-bar';

afterEach(cleanup);

const zh = (key: string, vars?: Record<string, string | number>) =>
  key === 'common.batchRefused' ? `${vars?.count} 条不能处理，整批均未保存：${vars?.rows}` : key;

describe('BatchBar: 已选 N 条 and the batch actions', () => {
  it('is hidden with nothing selected', () => {
    render(
      <I18nProvider>
        <BatchBar count={0} onClear={() => {}}>
          <button>批量转办</button>
        </BatchBar>
      </I18nProvider>,
    );
    expect(screen.queryByText('批量转办')).toBeNull();
  });

  it('says how many are selected, shows the actions and clears the selection', () => {
    let cleared = 0;
    render(
      <I18nProvider>
        <BatchBar count={3} onClear={() => cleared++}>
          <button>批量转办</button>
        </BatchBar>
      </I18nProvider>,
    );
    expect(screen.getByRole('toolbar', { name: '已选 3 条' })).toBeTruthy();
    expect(screen.getByText('批量转办')).toBeTruthy();
    fireEvent.click(screen.getByText('取消选择'));
    expect(cleared).toBe(1);
  });
});

describe('batchErrorText', () => {
  it('names each refused row with the server\'s reason', () => {
    const error = new ApiError(409, {
      code: 'BATCH_REFUSED',
      message: '所选记录中有不能处理的，整批均未保存（见所列记录）',
      details: {
        rejected: [
          { id: 'b2', reason: 'batch_stale' },
          { id: 'b9', reason: 'batch_not_found' },
        ],
        fields: [
          { field: 'items.1', reason: '该记录已被他人修改，请刷新后重试' },
          { field: 'items.4', reason: '记录不存在或不在您的管辖范围内' },
        ],
      },
    });
    const names: Record<string, string> = { b2: '用地指标未落实', b9: '河津堵点' };
    expect(batchErrorText(error, zh as never, (id) => names[id])).toBe(
      '2 条不能处理，整批均未保存：用地指标未落实（该记录已被他人修改，请刷新后重试）；河津堵点（记录不存在或不在您的管辖范围内）',
    );
  });

  it('any other error says its own message', () => {
    expect(batchErrorText(new ApiError(403, { code: 'FORBIDDEN', message: '您没有执行此操作的权限' }), zh as never, (id) => id)).toBe('您没有执行此操作的权限');
  });
});
