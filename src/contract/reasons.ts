/**
 * Field-level reasons, keyed: schemas and services name a key (`.regex(re, 'username')`,
 * `fieldError('zoneId', 'zone_out_of_scope')`), and the server answers its text in the caller's
 * language. Each contract file defines the keys of its domain next to its schemas.
 */
const catalog: Record<string, readonly [zh: string, en: string]> = {};

/** Keys defined twice with different words (one would silently win): reasons.test.ts keeps this empty. */
export const reasonConflicts: string[] = [];

export function defineReasons(entries: Record<string, readonly [zh: string, en: string]>): void {
  for (const [key, text] of Object.entries(entries)) {
    const known = catalog[key];
    if (known && (known[0] !== text[0] || known[1] !== text[1])) reasonConflicts.push(`${key}: 「${known[0]}」 vs 「${text[0]}」`);
  }
  Object.assign(catalog, entries);
}

export function reasonText(key: string, locale: 'zh-CN' | 'en-US'): string | undefined {
  const entry = catalog[key];
  return entry ? entry[locale === 'en-US' ? 1 : 0] : undefined;
}

defineReasons({
  required: ['必填', 'required'],
  username: ['用户名为 3–32 位字母、数字、下划线、点或横线', 'username: 3–32 letters, digits, _ . -'],
  min8: ['密码至少 8 位', 'password must have at least 8 characters'],
  phone: ['电话号码格式不正确', 'invalid phone number'],
  code: ['编码为 2–32 位字母、数字、下划线或横线', 'code: 2–32 letters, digits, _ -'],
  region_code: ['行政区划代码应为 6 位数字（GB/T 2260）', 'region code must be 6 digits (GB/T 2260)'],
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
  WRONG_PASSWORD: ['当前密码不正确', 'the current password is wrong'],
  date_format: ['日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD'],
  date_in_future: ['实际日期不能晚于今天', 'an actual date cannot be in the future'],
  money_format: ['金额格式不正确（单位万元，最多 4 位小数）', 'invalid amount (in 10k CNY, at most 4 decimals)'],
  money_negative: ['金额不能为负数', 'amount cannot be negative'],
  percent_range: ['百分比应在 0–100 之间', 'percent must be between 0 and 100'],
  // Shared by several domains (projects, leads, chains, …): one wording, defined once here.
  dates_order: ['结束日期不能早于开始日期', 'the end date cannot precede the start date'],
  unknown_project: ['项目不存在或不在您的管辖范围内', 'no such project in the zones you cover'],
  unknown_lead: ['线索不存在或不在您的管辖范围内', 'no such lead in the zones you cover'],
});
