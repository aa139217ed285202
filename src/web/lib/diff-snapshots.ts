export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const hiddenFields = new Set(['id', 'version', 'createdAt', 'updatedAt', 'passwordHash', 'actions']);

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The fields that differ between an audit entry's before and after snapshots. A creation (no
 * before) lists every field it set; the order follows the snapshots' own key order.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !hiddenFields.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
