/**
 * A money field's label is written for its input, in the unit typed there: 总投资（万元）. A cell
 * that shows the amount carries its own unit (3.2亿元, 6,400万元), so its column header or
 * description label must not name another: `withoutUnit('总投资（万元）')` → 总投资.
 */
export function withoutUnit(label: string): string {
  return label.replace(/\s*[（(](万元|亿元|元|10k CNY|10k yuan|CNY 10k|100M CNY)[）)]\s*$/, '');
}
