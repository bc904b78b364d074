import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`, see .ci/run); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
/** An ordinary phone screen. */
export const PHONE = { width: 390, height: 844 };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the page's browser bundle as `npm run build` does, so the spec never runs a stale one. */
export function buildWebAssets(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-web.js')], { stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser profile (its own --user-data-dir) with a phone-sized page whose clock stands
 * at `now` — the test app's instant — so what the page decides by time (a status list's expiry,
 * its age) agrees with the app on any machine date. Chromium under faketime crashes, so the
 * time is fixed by playwright's clock instead.
 */
export async function openPhone(options: { now: Date; javaScriptEnabled?: boolean }): Promise<Phone> {
  const profile = mkdtempSync(join(tmpdir(), 'zjzc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.clock.setFixedTime(options.now);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  return join(ARTIFACTS, `${name}.png`);
}
