import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../contract/errors.ts';
import { reasonText } from '../../contract/reasons.ts';

/** The caller's language: the UI sends Accept-Language with the locale the user picked. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = String(request.headers['accept-language'] ?? '');
  if (/^en/i.test(header)) return 'en-US';
  if (/^zh/i.test(header)) return 'zh-CN';
  return request.session?.user.locale ?? 'zh-CN';
}

type ZodIssueLike = {
  code?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  message?: string;
  origin?: string;
};

/** Field reasons in the user's language. zod issues arrive as objects; our own reasons as keys or text. */
export function translateIssue(issue: unknown, locale: Locale): string {
  const en = locale === 'en-US';
  if (typeof issue === 'string') return reasonText(issue, locale) ?? issue;
  const i = (issue ?? {}) as ZodIssueLike;
  const keyed = i.message ? reasonText(i.message, locale) : undefined;
  if (keyed) return keyed;
  switch (i.code) {
    case 'invalid_type':
      return i.message?.includes('received undefined') ? (en ? 'required' : '必填') : en ? `must be ${i.expected}` : `类型应为 ${typeName(i.expected)}`;
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1 ? (en ? 'required' : '必填') : en ? `at least ${i.minimum} characters` : `至少 ${i.minimum} 个字符`;
      if (i.origin === 'array') return en ? `at least ${i.minimum} items` : `至少 ${i.minimum} 项`;
      return en ? `must be at least ${i.minimum}` : `不能小于 ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return en ? `at most ${i.maximum} characters` : `不能超过 ${i.maximum} 个字符`;
      if (i.origin === 'array') return en ? `at most ${i.maximum} items` : `不能超过 ${i.maximum} 项`;
      return en ? `must be at most ${i.maximum}` : `不能大于 ${i.maximum}`;
    case 'invalid_value':
      return en ? 'not one of the allowed values' : '不是允许的取值';
    case 'invalid_format':
      return en ? `invalid ${i.format ?? 'format'}` : `格式不正确${i.format ? `（${i.format}）` : ''}`;
    case 'unrecognized_keys':
      return en ? 'unknown field' : '未知字段';
    case 'invalid_union':
      return en ? 'invalid value' : '取值无效';
    default:
      // zod's own English defaults ("Invalid input", "Expected …") never reach a zh-CN reader.
      if (!i.message || /^(Invalid|Expected|Too |Required|Unrecognized)/.test(i.message)) return en ? 'invalid value' : '取值无效';
      return i.message;
  }
}

function typeName(t?: string) {
  return ({ string: '文本', number: '数字', boolean: '是/否', object: '对象', array: '列表' } as Record<string, string>)[t ?? ''] ?? t ?? '';
}
