export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every write, or copies kept for the machine, say nothing to a reader. */
const hiddenFields = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'passwordHash',
  'actions',
  'frozen',
  'normalizedName',
  'requestId',
  'failedLogins',
  'lockedUntil',
  'bytes',
]);

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields that differ between an audit entry's before and after snapshots. A creation (no
 * before) lists every field it set (empty ones left out); the order follows the snapshots' own key order.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const creating = before == null;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !hiddenFields.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .filter((f) => !(creating && isEmpty(a[f])))
    .filter((f) => !(isEmpty(a[f]) && isEmpty(b[f])))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
