/**
 * The password policy, one place for the server (every place a password is set: own change, an
 * admin's create and reset, the CLI) and the web form: at least 8 characters, not only spaces, not
 * the username, not a common password. Reasons are keys (reasons.ts), answered in the caller's language.
 */
import { z } from 'zod';
import { defineReasons } from './reasons.ts';

defineReasons({
  password_blank: ['密码不能全是空格', 'the password cannot be only spaces'],
  password_common: ['该密码过于常见，请换一个', 'this password is too common; choose another'],
  password_username: ['密码不能与用户名相同或包含用户名', 'the password cannot be or contain the username'],
});

/**
 * Passwords guessed first: the top of the public breach lists, keyboard walks, and this product's
 * own demo password. Compared lower-cased, spaces trimmed.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000', '88888888', '66666666',
  '123123123', '12341234', '11223344', '13141314', '5201314520', '147258369', '123321123', '1qaz2wsx', '1q2w3e4r',
  '1q2w3e4r5t', 'qwertyui', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'qwer1234', 'abcd1234', 'abc12345',
  'a1234567', 'a12345678', 'aa123456', 'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'admin123', 'admin888', 'admin1234', 'administrator', 'iloveyou', 'woaini1314', 'welcome1', 'sunshine', 'princess',
  'football', 'baseball', 'superman', 'computer', 'trustno1', 'letmein1', 'changeme', 'zonedesk', 'zonedesk1',
  'zonedesk123', 'qq123456', 'abcdefgh', '123qweasd', 'qweasdzxc', '1qazxsw2', 'zaq12wsx', 'q1w2e3r4', 'aaaaaaaa',
]);

/** The rules a password checks alone (the username rule needs the account: passwordProblem). */
export const passwordSchema = z
  .string()
  .min(8, 'min8')
  .max(256)
  .refine((p) => p.trim() !== '', 'password_blank')
  .refine((p) => !commonPasswords.has(p.trim().toLowerCase()), 'password_common');

/** The reason key a password is refused for this username, or null. */
export function passwordProblem(password: string, username: string): string | null {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'min8';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'password_username';
  return null;
}
