import { expectVisible, loginAs, type E2eContext } from './harness';

export const title = 'a wrong password shows 用户名或密码错误 and stays on the login page';

export default async function wrongPassword({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'officer', 'not-the-password');
  await expectVisible(page.getByRole('alert').filter({ hasText: '用户名或密码错误' }));
  if (!new URL(page.url()).pathname.startsWith('/login')) throw new Error(`left the login page: ${page.url()}`);
}
