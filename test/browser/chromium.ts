import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`, see .ci/run); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
/** An ordinary phone screen. */
export const PHONE = { width: 390, height: 844 };
/** An office PC's screen. */
export const OFFICE_SCREEN = { width: 1366, height: 768 };

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

/**
 * Whether the control is disabled once the page has caught up: after a toast the console still
 * reloads the round before it re-renders, so a single read races it. Waits up to 5 s for the
 * expected state, then reports what is there (the assertion fails on the wrong one).
 */
export async function isDisabledAfterRender(control: Locator, expected: boolean): Promise<boolean> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const disabled = await control.isDisabled();
    if (disabled === expected || performance.now() > deadline) return disabled;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ROOT = join(__dirname, '..', '..');

/**
 * Builds the project as `npm test` does, only when a source is newer than the last build
 * (scripts/build-state.js): a spec run alone never serves a stale page or console, and a spec
 * never rewrites dist/ under another run reading it (CI runs the PostgreSQL e2e beside these).
 */
export function ensureBuilt(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-state.js')], { stdio: 'inherit' });
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
 * The spec file's chromium, launched on first use and closed after its last test: starting the
 * browser costs more than a second of CPU, a new context (its own cookies and storage, as a
 * fresh profile has) a fraction of it. Jest loads this module anew for each spec file.
 */
let sharedBrowser: Promise<Browser> | undefined;
afterAll(async () => {
  const browser = sharedBrowser;
  sharedBrowser = undefined;
  await (await browser)?.close();
});

function browserOfThisSpec(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return sharedBrowser;
}

/**
 * A fresh browser context (nothing shared with any other: cookies, storage, cache) with a
 * phone-sized page whose clock stands at `now` — the test app's instant — so what the page
 * decides by time (a status list's expiry, its age) agrees with the app on any machine date.
 * Chromium under faketime crashes, so the time is fixed by playwright's clock instead.
 */
export async function openPhone(options: { now: Date; javaScriptEnabled?: boolean }): Promise<Phone> {
  const browser = await browserOfThisSpec();
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems, close: () => context.close() };
}

export function screenshotPath(name: string): string {
  return join(ARTIFACTS, `${name}.png`);
}
