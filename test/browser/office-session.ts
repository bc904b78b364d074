import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { OFFICE_SCREEN, openPhone, Phone } from './chromium';

/**
 * Signs a test officer (test/support/test-app.ts `officer`, whose password follows the username)
 * in from the console's first address: it sends the signed-out browser to 登录, then on to the
 * screen the officer's roles open on.
 */
export async function signInOn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/office/`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(`pw-${username}-correct-horse`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/**
 * The office browsers of a spec: each its own profile (its own cookie jar) on an office PC's
 * screen, its clock at the app's. `closeAll` (in afterEach) closes them and fails on any CSP
 * violation or page error they saw.
 */
export class OfficeBrowsers {
  private readonly open: Phone[] = [];

  constructor(private readonly t: TestApp) {}

  async newPage(): Promise<Page> {
    const browser = await openPhone({ now: this.t.clock.now() });
    this.open.push(browser);
    await browser.page.setViewportSize(OFFICE_SCREEN);
    return browser.page;
  }

  /** A fresh browser with `username` signed in. */
  async signIn(username: string): Promise<Page> {
    const page = await this.newPage();
    await signInOn(page, this.t.baseUrl, username);
    return page;
  }

  async closeAll(): Promise<void> {
    for (const browser of this.open.splice(0)) {
      await browser.close();
      expect(browser.problems).toEqual([]);
    }
  }
}
