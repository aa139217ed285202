import { chromium } from 'playwright-core';
import { expectVisible, type E2eContext } from './harness';

export const title = 'opened by an intranet host name over plain HTTP (not localhost), the login page shows';

/**
 * Browsers treat localhost as secure, so a CSP `upgrade-insecure-requests` only breaks the page on
 * a real address. This browser resolves an intranet name to the test server, as a zone's network would.
 */
export default async function plainHttpIntranet({ baseUrl }: E2eContext) {
  const url = new URL(baseUrl);
  const host = 'zonedesk.intranet.test';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP ${host} ${url.hostname}`],
  });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
    // The page's own response: the browser resolved the name (page.request would go through Node).
    const response = await page.goto(`http://${host}:${url.port}/login`);
    await expectVisible(page.getByLabel('用户名', { exact: true }));
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    if (csp.includes('upgrade-insecure-requests')) throw new Error(`CSP still asks for https: ${csp}`);
    if (failed.length > 0) throw new Error(`requests failed over plain HTTP:\n${failed.join('\n')}`);
  } finally {
    await browser.close();
  }
}
