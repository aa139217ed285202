import { describe, expect, it } from 'vitest';
import { withoutUnit } from './money-label.ts';

describe('a money label without the unit its cells already carry', () => {
  it('drops the unit of the input, in either language and bracket width', () => {
    expect(withoutUnit('总投资（万元）')).toBe('总投资');
    expect(withoutUnit('注册资本(万元)')).toBe('注册资本');
    expect(withoutUnit('Registered capital (10k CNY)')).toBe('Registered capital');
    expect(withoutUnit('Asked (10k yuan)')).toBe('Asked');
  });

  it('leaves other brackets and labels alone', () => {
    expect(withoutUnit('用地（亩）')).toBe('用地（亩）');
    expect(withoutUnit('法定时限（工作日）')).toBe('法定时限（工作日）');
    expect(withoutUnit('本年完成')).toBe('本年完成');
  });
});
