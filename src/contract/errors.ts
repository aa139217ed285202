/**
 * The one error registry: every code the API can answer, its HTTP status and its message in both
 * languages. The server's error handler and the web client's message lookup both read this.
 */
export const errorRegistry = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid; check the marked fields' },
  BODY_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '密码错误次数过多，请稍后再试', en: 'Too many failed attempts; try again later' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码，再使用系统',
    en: 'Change your initial password before using the system',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is deactivated; contact your administrator' },
  CSRF_INVALID: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Not found, or outside the zones you cover' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后再编辑', en: 'Someone else saved this record first; reload it and edit again' },
  DUPLICATE: { status: 409, zh: '已存在相同的记录', en: 'A record like this already exists' },
  IMPORT_UNDO_CHANGED: {
    status: 409,
    zh: '导入之后这些记录已被修改，不能整批撤销（见所列记录）',
    en: 'These records changed after the import, so the batch cannot be undone (see the list)',
  },
  BATCH_REFUSED: {
    status: 409,
    zh: '所选记录中有不能处理的，整批均未保存（见所列记录）',
    en: 'Some selected rows cannot be changed, so none was saved (see the list)',
  },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  INTAKE_EMPTY: {
    status: 400,
    zh: '没有可读取的文字，请粘贴文本或上传有文字内容的文件',
    en: 'There is no text to read; paste some text or upload a file that holds text',
  },
  INTAKE_UNREADABLE: {
    status: 422,
    zh: '无法读取：内容不是文本（疑似二进制、已损坏或未知编码）',
    en: 'Cannot read this: it is not text (binary, damaged or an unknown encoding)',
  },
  INTAKE_UNSUPPORTED_FORMAT: { status: 415, zh: '只支持 .txt、.docx、.pdf 文件', en: 'Only .txt, .docx and .pdf files are supported' },
  INTAKE_NO_TEXT_LAYER: { status: 422, zh: '扫描件没有文字层，请先做文字识别（OCR）后再上传', en: 'This scanned PDF has no text layer; run OCR on it first' },
  INTAKE_TOO_LARGE: { status: 413, zh: '文件或文本超过 10 MB 上限', en: 'The file or text is larger than the 10 MB limit' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后重试', en: 'Internal error; try again later' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorRegistry;
export const errorCodes = Object.keys(errorRegistry) as ErrorCode[];

/** One field-level problem; `field` is a dotted path into the body, query or params. */
export interface FieldError {
  field: string;
  reason: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  requestId: string;
  details?: { fields?: FieldError[] } & Record<string, unknown>;
}

export type Locale = 'zh-CN' | 'en-US';

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = errorRegistry[code] ?? errorRegistry.INTERNAL;
  return locale === 'en-US' ? entry.en : entry.zh;
}
