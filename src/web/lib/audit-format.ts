/**
 * Audit entries as prose: 「李婷 修改了 项目「XX」：总投资 由 1.2亿元 改为 1.4亿元；阶段 由 签约 改为 开工」.
 * Pure functions over the contract's label registry (no React), shared by the 操作日志 page, the
 * record history drawer and the 工作台's 最近变更. Nothing here throws on an unknown shape: unknown
 * actions, record types and fields fall back to readable words, and any value becomes text.
 */
import type { AuditEntry } from '../../contract/audit.ts';
import {
  auditActionLabels,
  auditEntityFieldLabels,
  auditEntityLabels,
  auditEntityValueLabels,
  auditFieldLabels,
  auditFlagReasonLabels,
  auditStageLabels,
  auditValueLabels,
  humaniseField,
  type AuditLabel,
} from '../../contract/audit-labels.ts';
import type { Locale } from '../../contract/errors.ts';
import { industryLabel } from '../../contract/industries.ts';
import { formatMoney } from '../../contract/money.ts';
import { diffSnapshots } from './diff-snapshots';
import { formatDateTime } from './format-date-time';

type Names = Record<string, string>;

const words = {
  'zh-CN': {
    system: '系统',
    yes: '是',
    no: '否',
    empty: '空',
    changed: (f: string, b: string, a: string) => `${f} 由 ${b} 改为 ${a}`,
    set: (f: string, a: string) => `${f} 设为 ${a}`,
    created: (f: string, a: string) => `${f} ${a}`,
    cleared: (f: string, b: string) => `清空了 ${f}（原为 ${b}）`,
    added: (n: string) => `新增「${n}」`,
    removed: (n: string) => `删除「${n}」`,
    item: (n: string, what: string) => `「${n}」${what}`,
    listed: (names: string[]) => names.map((n) => `「${n}」`).join('、'),
    items: (n: number) => `${n} 项`,
    more: (n: number) => `等 ${n} 项`,
    target: (entity: string, name: string | null) => (name ? `${entity}「${name}」` : entity),
    colon: '：',
    sep: '；',
    inner: '，',
    list: '、',
  },
  'en-US': {
    system: 'System',
    yes: 'Yes',
    no: 'No',
    empty: 'empty',
    changed: (f: string, b: string, a: string) => `${f} from ${b} to ${a}`,
    set: (f: string, a: string) => `${f} set to ${a}`,
    created: (f: string, a: string) => `${f} ${a}`,
    cleared: (f: string, b: string) => `cleared ${f} (was ${b})`,
    added: (n: string) => `added “${n}”`,
    removed: (n: string) => `removed “${n}”`,
    item: (n: string, what: string) => `“${n}”: ${what}`,
    listed: (names: string[]) => names.map((n) => `“${n}”`).join(', '),
    items: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
    more: (n: number) => `and ${n} more`,
    target: (entity: string, name: string | null) => (name ? `${entity} “${name}”` : entity),
    colon: ': ',
    sep: '; ',
    inner: ', ',
    list: ', ',
  },
} as const;

const pick = (label: AuditLabel, locale: Locale) => (locale === 'en-US' ? label[1] : label[0]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const maxText = 80;

export function actionLabel(code: string, locale: Locale): string {
  const l = (auditActionLabels as Record<string, { label: AuditLabel }>)[code];
  return l ? pick(l.label, locale) : humaniseField(code.replace(/\./g, ' '));
}

export function entityLabel(type: string, locale: Locale): string {
  const l = (auditEntityLabels as Record<string, AuditLabel>)[type];
  return l ? pick(l, locale) : humaniseField(type).toLowerCase();
}

export function fieldLabel(entityType: string, field: string, locale: Locale): string {
  const l = auditEntityFieldLabels[entityType as keyof typeof auditEntityFieldLabels]?.[field] ?? auditFieldLabels[field];
  return l ? pick(l, locale) : humaniseField(field);
}

/** 系统 / System for the server's own entries; otherwise the name the API resolved (李婷). */
export function actorLabel(entry: Pick<AuditEntry, 'actorId' | 'actorName'>, locale: Locale): string {
  if (!entry.actorId && (entry.actorName === 'system' || !entry.actorName)) return words[locale].system;
  return entry.actorName;
}

function enumLabel(entityType: string, field: string, value: string, locale: Locale): string | null {
  const l =
    auditEntityValueLabels[entityType as keyof typeof auditEntityValueLabels]?.[field]?.[value] ??
    auditValueLabels[field]?.[value] ??
    (['fromStage', 'toStage'].includes(field) ? auditStageLabels[value] : undefined) ??
    (field === 'code' ? auditFlagReasonLabels[value] : undefined);
  return l ? pick(l, locale) : null;
}

function formatDate(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  return locale === 'en-US' ? day : `${y}年${m}月${d}日`;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxText ? `${flat.slice(0, maxText)}…` : flat;
}

interface Ctx {
  entityType: string;
  locale: Locale;
  names: Names;
}

/** The name an item of a list (milestone, phase, approval, agenda item…) is known by. */
function itemName(item: Record<string, unknown>, ctx: Ctx): string | null {
  for (const key of ['name', 'title', 'task', 'displayName', 'destination', 'fileName', 'day']) {
    const v = item[key];
    if (typeof v === 'string' && v) return key === 'day' ? formatDate(v, ctx.locale) : v;
  }
  if (typeof item.code === 'string') return enumLabel(ctx.entityType, 'code', item.code, ctx.locale) ?? item.code;
  if (typeof item.id === 'string' && ctx.names[item.id.toLowerCase()]) return ctx.names[item.id.toLowerCase()];
  return null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One value as text: 1.2亿元, 签约, 2024年3月5日, 是, 李婷 — never `[object Object]`. */
export function formatAuditValue(field: string, value: unknown, ctx: Ctx): string {
  const w = words[ctx.locale];
  if (isEmpty(value)) return w.empty;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') {
    if (/Yuan$/.test(field)) return formatMoney(value, ctx.locale);
    if (field === 'sizeBytes') return value >= 1_048_576 ? `${(value / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(value / 1024))} KB`;
    if (field === 'percentComplete') return `${value}%`;
    if (/Year$|^year$/.test(field)) return String(value);
    return value.toLocaleString(ctx.locale);
  }
  if (typeof value === 'string') {
    if (uuid.test(value)) return ctx.names[value.toLowerCase()] ?? value.slice(0, 8);
    const e = enumLabel(ctx.entityType, field, value, ctx.locale);
    if (e) return e;
    if (field === 'industryCode') return industryLabel(value) ?? value;
    if (isoDate.test(value)) return formatDate(value, ctx.locale);
    if (isoDateTime.test(value)) return formatDateTime(value, ctx.locale);
    if (/Yuan$/.test(field) && /^-?\d+$/.test(value)) return formatMoney(Number(value), ctx.locale);
    return truncate(value);
  }
  if (Array.isArray(value)) {
    if (value.every(isPlainObject)) {
      const names = value.map((v) => itemName(v, ctx)).filter((n): n is string => Boolean(n));
      return names.length === value.length ? w.listed(names) : w.items(value.length);
    }
    return value.map((v) => formatAuditValue(field, v, ctx)).join(w.list);
  }
  if (isPlainObject(value)) {
    const name = itemName(value, ctx);
    if (name) return name;
    return Object.entries(value)
      .filter(([, v]) => !isEmpty(v) && !isPlainObject(v) && !Array.isArray(v))
      .slice(0, 5)
      .map(([k, v]) => `${fieldLabel(ctx.entityType, k, ctx.locale)} ${formatAuditValue(k, v, ctx)}`)
      .join(w.inner);
  }
  return truncate(String(value));
}

export interface ChangeLine {
  field: string;
  label: string;
  /** `created`: a new record's value; `set` / `cleared` / `changed`: an edit; `list`: items added, removed, changed. */
  kind: 'created' | 'set' | 'cleared' | 'changed' | 'list';
  before: string | null;
  after: string | null;
  /** For lists: one phrase per item (新增「土地摘牌」, 「开工」计划日期 由 … 改为 …). */
  items: string[];
  /** The whole line: 总投资 由 1.2亿元 改为 1.4亿元. */
  text: string;
}

/** Added, removed and changed items of a list of objects, matched by their name (or position). */
function listChanges(field: string, before: unknown[], after: unknown[], ctx: Ctx): string[] {
  const w = words[ctx.locale];
  const b = before.filter(isPlainObject);
  const a = after.filter(isPlainObject);
  const byName = b.every((x) => itemName(x, ctx)) && a.every((x) => itemName(x, ctx));
  const key = (x: Record<string, unknown>, i: number) => (byName ? itemName(x, ctx)! : String(i));
  const bMap = new Map(b.map((x, i) => [key(x, i), x]));
  const aMap = new Map(a.map((x, i) => [key(x, i), x]));
  const out: string[] = [];
  for (const [k, x] of aMap) {
    const name = itemName(x, ctx) ?? `#${Number(k) + 1}`;
    const old = bMap.get(k);
    if (!old) {
      const details = changeLines(null, x, ctx, true).filter((c) => c.field !== 'name' && c.field !== 'title');
      out.push(w.added(name) + (details.length ? `（${details.map((d) => d.text).join(w.inner)}）` : ''));
    } else {
      const inner = changeLines(old, x, ctx, false);
      if (inner.length) out.push(w.item(name, inner.map((d) => d.text).join(w.inner)));
    }
  }
  for (const [k, x] of bMap) if (!aMap.has(k)) out.push(w.removed(itemName(x, ctx) ?? `#${Number(k) + 1}`));
  return out;
}

function changeLines(before: unknown, after: unknown, ctx: Ctx, creating: boolean): ChangeLine[] {
  const w = words[ctx.locale];
  return diffSnapshots(before, after).map(({ field, before: b, after: a }) => {
    const label = fieldLabel(ctx.entityType, field, ctx.locale);
    const objects = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isPlainObject);
    if ((objects(a) || objects(b)) && (Array.isArray(a) || a == null) && (Array.isArray(b) || b == null)) {
      const items = creating ? [] : listChanges(field, (b as unknown[]) ?? [], (a as unknown[]) ?? [], ctx);
      const text = creating ? w.created(label, formatAuditValue(field, a, ctx)) : `${label}${w.colon}${items.join(w.list)}`;
      return { field, label, kind: creating ? 'created' : 'list', before: null, after: null, items, text };
    }
    const bt = isEmpty(b) ? null : formatAuditValue(field, b, ctx);
    const at = isEmpty(a) ? null : formatAuditValue(field, a, ctx);
    if (creating) return { field, label, kind: 'created', before: null, after: at, items: [], text: w.created(label, at ?? w.empty) };
    if (bt === null) return { field, label, kind: 'set', before: null, after: at, items: [], text: w.set(label, at ?? w.empty) };
    if (at === null) return { field, label, kind: 'cleared', before: bt, after: null, items: [], text: w.cleared(label, bt) };
    return { field, label, kind: 'changed', before: bt, after: at, items: [], text: w.changed(label, bt, at) };
  });
}

/** Snapshots that are lists (an agenda's order) are read as one field of their record. */
function asSnapshot(value: unknown, entityType: string): unknown {
  if (!Array.isArray(value)) return value;
  return { [entityType === 'meeting' ? 'agenda' : 'items']: value };
}

/** The field-by-field changes of one entry, each already in words. */
export function auditChanges(entry: AuditEntry, locale: Locale): ChangeLine[] {
  const ctx: Ctx = { entityType: entry.entityType, locale, names: entry.names ?? {} };
  const before = asSnapshot(entry.before, entry.entityType);
  const after = asSnapshot(entry.after, entry.entityType);
  // A deletion reads like a creation of what was there.
  if (after == null && before != null) return changeLines(null, before, ctx, true);
  return changeLines(before, after, ctx, before == null);
}

/** The record's name: resolved by the server, else read from its snapshot (a calendar day is its date). */
export function recordName(entry: AuditEntry, locale: Locale): string | null {
  const resolved = entry.names?.[entry.entityId.toLowerCase()];
  if (resolved) return resolved;
  for (const snap of [entry.after, entry.before]) {
    if (isPlainObject(snap)) {
      const name = itemName(snap, { entityType: entry.entityType, locale, names: {} });
      if (name) return name;
    }
  }
  if (entry.entityType === 'calendar_day' && isoDate.test(entry.entityId)) return formatDate(entry.entityId, locale);
  return null;
}

export interface DescribedEntry {
  actor: string;
  action: string;
  /** 项目「汾东新材料产业园项目」. */
  target: string;
  /** 李婷 修改了 项目「XX」. */
  headline: string;
  changes: ChangeLine[];
  /** The headline and the first changes: 李婷 修改了 项目「XX」：总投资 由 1.2亿元 改为 1.4亿元. */
  sentence: string;
}

/** One entry as prose. `maxChanges` bounds the sentence; a new record's sentence names only a few fields. */
export function describeAuditEntry(entry: AuditEntry, locale: Locale, maxChanges = 6): DescribedEntry {
  const w = words[locale];
  const actor = actorLabel(entry, locale);
  const target = w.target(entityLabel(entry.entityType, locale), recordName(entry, locale));
  const says = (auditActionLabels as Record<string, { says: AuditLabel }>)[entry.action]?.says;
  const verb = says ? pick(says, locale) : `${actionLabel(entry.action, locale)} {e}`;
  const headline = `${actor} ${verb.replace('{e}', target)}`;
  const all = auditChanges(entry, locale);
  // A new record's sentence need not repeat its name: 新建了 项目「X」：阶段 签约.
  const name = recordName(entry, locale);
  const changes = all[0]?.kind === 'created' ? all.filter((c) => c.after !== name) : all;
  const shown = changes[0]?.kind === 'created' ? Math.min(maxChanges, 3) : maxChanges;
  // 更新了 项目「X」的里程碑：新增「开工」… (the headline already names the list)
  const lines = changes.slice(0, shown).map((c) => (c.kind === 'list' && c.items.length && headline.includes(c.label) ? c.items.join(w.list) : c.text));
  if (changes.length > shown) lines.push(w.more(changes.length - shown));
  return {
    actor,
    action: actionLabel(entry.action, locale),
    target,
    headline,
    changes: all,
    sentence: lines.length ? `${headline}${w.colon}${lines.join(w.sep)}` : headline,
  };
}
