import { describe, expect, it } from 'vitest';
import { exactNameKey, normalizeEnterpriseName } from './normalize-name.ts';

describe('enterprise names', () => {
  it('suggests a short name as the same enterprise, but reuses one silently only under its exact name', () => {
    expect(normalizeEnterpriseName('铭诚微电子')).toBe(normalizeEnterpriseName('巴中市铭诚微电子科技有限公司'));
    expect(exactNameKey('铭诚微电子')).not.toBe(exactNameKey('巴中市铭诚微电子科技有限公司'));
    // Two firms of two provinces share the loose form: a person decides, an import does not merge them.
    expect(normalizeEnterpriseName('北京铭诚科技有限公司')).toBe(normalizeEnterpriseName('山西铭诚科技有限公司'));
    expect(exactNameKey('北京铭诚科技有限公司')).not.toBe(exactNameKey('山西铭诚科技有限公司'));
    // Width, spaces and the legal form do not make another enterprise.
    expect(exactNameKey('巴中市铭诚微电子科技有限公司')).toBe(exactNameKey('巴中市 铭诚微电子科技有限责任公司'));
    expect(exactNameKey('ＡＢＣ材料有限公司')).toBe(exactNameKey('abc材料股份有限公司'));
  });
});
