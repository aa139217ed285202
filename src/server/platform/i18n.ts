import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../contract/errors.ts';

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
  if (typeof issue === 'string') return reasonText[issue]?.[en ? 1 : 0] ?? issue;
  const i = (issue ?? {}) as ZodIssueLike;
  if (i.message && reasonText[i.message]) return reasonText[i.message][en ? 1 : 0];
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
    default:
      return i.message ?? (en ? 'invalid' : '无效');
  }
}

function typeName(t?: string) {
  return ({ string: '文本', number: '数字', boolean: '是/否', object: '对象', array: '列表' } as Record<string, string>)[t ?? ''] ?? t ?? '';
}

/** Reason keys used by schemas (`.regex(re, 'username')`) and services, in [zh, en]. */
const reasonText: Record<string, [string, string]> = {
  required: ['必填', 'required'],
  username: ['用户名为 3–32 位字母、数字、下划线、点或横线', 'username: 3–32 letters, digits, _ . -'],
  min8: ['密码至少 8 位', 'password must have at least 8 characters'],
  phone: ['电话号码格式不正确', 'invalid phone number'],
  code: ['编码为 2–32 位字母、数字、下划线或横线', 'code: 2–32 letters, digits, _ -'],
  'GB/T 2260 code: 6 digits': ['行政区划代码应为 6 位数字（GB/T 2260）', 'region code must be 6 digits (GB/T 2260)'],
  unknown_region: ['行政区划代码不存在', 'no such region code'],
  unknown_zone: ['开发区不存在', 'no such zone'],
  zone_out_of_scope: ['不在您的管辖范围内', 'outside the zones you cover'],
  unknown_department: ['部门不存在或不属于所选开发区', 'no such department in the chosen zones'],
  region_required: ['市级、省级查看角色需要指定行政区划', 'city and province viewers need a region'],
  region_level: ['行政区划级别与角色不符（市级查看选市，省级查看选省）', 'region level does not match the role'],
  zones_required: ['至少选择一个开发区', 'choose at least one zone'],
  username_taken: ['用户名已被占用', 'username already taken'],
  name_taken: ['名称已被使用', 'name already in use'],
  cannot_deactivate_self: ['不能停用自己的账号', 'you cannot deactivate yourself'],
  cannot_demote_self: ['不能修改自己的角色', 'you cannot change your own role'],
  same_password: ['新密码不能与当前密码相同', 'the new password must differ from the current one'],
};
