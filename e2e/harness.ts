import type { Browser, Locator, Page, Response } from 'playwright-core';

/** What the runner hands each test: the server's URL, the browser, and a fresh page in its own context. */
export interface E2eContext {
  baseUrl: string;
  browser: Browser;
  page: Page;
}

export type E2eTest = (context: E2eContext) => Promise<void>;

/** playwright-core has no `expect`: wait for the locator to show, failing with what was looked for. */
export async function expectVisible(locator: Locator, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${locator}`);
  }
}

export async function expectHidden(locator: Locator, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    // A dialog that stays open most often shows why (a field's error, a message): say it, as the screenshot may be lost.
    const said = await locator
      .page()
      .locator('.ant-form-item-explain-error:visible, .ant-message-notice:visible, .ant-alert:visible')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`expected not to see ${locator}${said.length ? ` (the page says: ${said.join(' | ')})` : ''}`);
  }
}

/** Logs in through the real login page, pressing Enter as a user would. */
export async function loginAs(page: Page, baseUrl: string, username: string, password = 'zonedesk'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

/**
 * Types a day into the one date input (DateField, antd's picker) and moves on with Tab, as a keyboard
 * user does (Enter would also take the day, and then submit the form).
 */
export async function fillDate(input: Locator, day: string): Promise<void> {
  // On a loaded machine the picker can open after the text went in and reset it: type again until it holds.
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(day);
    await input.press('Tab');
    if ((await input.inputValue()) === day) return;
  }
  throw new Error(`the date input did not take ${day}`);
}

/**
 * Opens an antd Select, types part of an option (when given) and picks the option, as a keyboard and mouse
 * user does. On a loaded machine the previous select's list may still be fading out over this one, and a
 * click on an option while the drawer slides in can be lost: wait for the old list to go, and click the
 * option again until its list closes (a single select closes once it has taken a value).
 */
export async function pickOption(page: Page, select: Locator, typed: string | null, option: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  await select.click();
  if (typed) await select.pressSequentially(typed);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await expectVisible(item);
  for (let attempt = 0; attempt < 4; attempt++) {
    await item.click().catch(() => undefined);
    const closed = await item.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    if (closed) return;
  }
  throw new Error(`expected to pick ${option} from ${select}`);
}

/**
 * How far the page scrolls sideways once its layout has settled: after a viewport change the
 * breakpoint-driven parts (the menu drawer, stacked columns) re-render a moment later, so on a loaded
 * machine a single reading can see the wide layout. Read again for up to five seconds until it fits;
 * a page that never fits answers its last overflow.
 */
export async function sidewaysScroll(page: Page): Promise<number> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const extra = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (extra <= 0 || Date.now() > deadline) return extra;
    await page.waitForTimeout(250);
  }
}

/**
 * Clicks a form's submit button until the request it sends is answered, and returns the answer: on a
 * loaded machine a click on a dialog's button as it finishes opening can be lost, and the test would
 * then wait for an outcome that was never asked for. A second click is harmless: a pending submit
 * shows its button loading, and a refused one is refused again.
 */
export async function submitUntilAnswered(page: Page, button: Locator, sent: (method: string, url: string) => boolean): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answered = page.waitForResponse((r) => sent(r.request().method(), r.url()), { timeout: 8_000 });
    await button.click();
    const answer = await answered.catch(() => null);
    if (answer) return answer;
  }
  throw new Error(`no answer to ${button} after three clicks`);
}

/**
 * Picks an option of a multiple select (antd `mode="multiple"`), seen as its tag in the select: the
 * list stays open, so a lost click is known by the missing tag and made again — only while no tag
 * shows, since a second click on a taken option would drop it.
 */
export async function pickTag(page: Page, select: Locator, typed: string | null, option: string): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = root.locator('.ant-select-selection-item', { hasText: option });
  await select.click();
  // Typed where the click put the focus (the select's search input), whether `select` is it or its box.
  if (typed) await page.keyboard.type(typed, { delay: 20 });
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await expectVisible(item);
  for (let attempt = 0; attempt < 4 && !(await chosen.isVisible()); attempt++) {
    await item.click().catch(() => undefined);
    await chosen.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await expectVisible(chosen);
}
