#!/usr/bin/env node
/**
 * Regenerates the screenshots of docs/office.md (docs/office/*.png): runs the built service on a
 * throw-away SQLite database with a fixed clock, seeds a few officers, certificates and cases
 * over the API, and photographs the console in Debian's chromium at 1366×768. Then the clock moves
 * forward day by day through an evaluation round (scripts/office-screenshots-round.js).
 *
 *   npm run build && node scripts/office-screenshots.js
 *
 * Fixed clock, fixed data: the pictures change only when the console does.
 */
/* global fetch, document -- Node 20's fetch; `document` inside functions run in the page */
require('reflect-metadata');
const { mkdtempSync, mkdirSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { Test } = require('@nestjs/testing');
const { chromium } = require('playwright-core');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist', 'src');
const { AppModule } = require(join(DIST, 'app.module'));
const { configureApp, createHttpAdapter } = require(join(DIST, 'app.factory'));
const { Clock, FixedClock } = require(join(DIST, 'common', 'clock'));
const { APP_CONFIG, parseConfig } = require(join(DIST, 'config', 'app-config'));
const { OfficersService } = require(join(DIST, 'officers', 'officers.service'));
const { shootRound } = require('./office-screenshots-round');

const OUT = join(ROOT, 'docs', 'office');
const CHROMIUM = '/usr/bin/chromium';
const SCREEN = { width: 1366, height: 768 };
/** 10:00 on 2026-11-27 in Beijing. */
const NOW = new Date('2026-11-27T02:00:00Z');
const MAX_BYTES = 200 * 1024;

async function startApp(work) {
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(work, 'office.sqlite')}`,
    KEYS_DIR: join(work, 'keys'),
    PORT: '0',
    PUBLIC_BASE_URL: 'https://zs.example.test',
    RATE_LIMIT_KEY_SECRET: randomBytes(24).toString('hex'),
  });
  const clock = new FixedClock(NOW);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(config), { logger: ['error'] });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  return { app, clock, baseUrl: `http://127.0.0.1:${app.getHttpServer().address().port}` };
}

const password = (username) => `pw-${username}-correct-horse`;

async function call(baseUrl, method, path, body, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Officers of both authorities, certificates, one confirmed revocation and one waiting in HRSS's inbox. */
async function seed(app, baseUrl) {
  const officers = app.get(OfficersService);
  const accounts = [
    ['amr-admin', 'amr', ['admin']],
    ['amr-issuer', 'amr', ['issuer']],
    ['amr-revoker', 'amr', ['revoker']],
    ['amr-auditor', 'amr', ['auditor']],
    ['hrss-revoker', 'hrss', ['revoker']],
  ];
  const tokens = {};
  for (const [username, authority, roles] of accounts) {
    await officers.add(
      { username, password: password(username), authority, roles },
      { actor: 'cli:admin', authority: null },
    );
    tokens[username] = (
      await call(baseUrl, 'POST', '/api/v1/auth/token', { username, password: password(username) })
    ).accessToken;
  }
  const holders = [
    { name: '张三', gender: '男', idNumber: '330102198001011272', employer: '浙江省计量科学研究院' },
    { name: '张三', gender: '男', idNumber: '330106198505050035', employer: '杭州市质量技术监督检测院' },
    { name: '李四', gender: '女', idNumber: '33010619840601002X', employer: '浙江省标准化研究院' },
    { name: '王五', gender: '男', idNumber: '330106199001010050', employer: '浙江省特种设备科学研究院' },
  ];
  const numbers = [];
  for (const holder of holders) {
    const request = {
      holder,
      level: 'professor',
      specialty: holder.name === '王五' ? 'special-equipment' : 'metrology',
      evaluationYear: 2026,
      passedOn: '2026-11-20',
      approvalDocument: '浙市监人〔2026〕12号',
    };
    numbers.push((await call(baseUrl, 'POST', '/api/v1/certificates', request, tokens['amr-issuer'])).certificateNo);
  }
  const revocation = (certificateNo, decisionDocument) => ({
    certificateNo,
    reasonCategory: 'falsified-materials',
    description: '申报材料中的业绩证明系伪造。',
    decisionDocument,
    decisionDate: '2026-11-27',
    effectiveDate: '2026-11-27',
    serious: false,
  });
  const revoked = await call(
    baseUrl,
    'POST',
    '/api/v1/revocations',
    revocation(numbers[1], '浙市监人〔2026〕40号'),
    tokens['amr-revoker'],
  );
  await call(baseUrl, 'POST', `/api/v1/revocations/${revoked.id}/confirmation`, undefined, tokens['hrss-revoker']);
  await call(
    baseUrl,
    'POST',
    '/api/v1/revocations',
    revocation(numbers[3], '浙市监人〔2026〕41号'),
    tokens['amr-revoker'],
  );
  return { numbers };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'zjzc-office-shots-'));
  const { app, clock, baseUrl } = await startApp(work);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
  });
  const written = [];
  try {
    const { numbers } = await seed(app, baseUrl);
    async function as(username, now = NOW) {
      const context = await browser.newContext({ viewport: SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await context.clock.setFixedTime(now);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/office/login`);
      if (username) {
        await page.locator('input[name="username"]').fill(username);
        await page.locator('input[name="password"]').fill(password(username));
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      }
      return page;
    }
    async function shoot(page, name) {
      // Let transitions (dialogs, tabs, messages) finish, so the picture shows what stays.
      await page.waitForFunction(() => document.getAnimations().length === 0);
      const path = join(OUT, `${name}.png`);
      await page.screenshot({ path });
      const bytes = statSync(path).size;
      if (bytes > MAX_BYTES) throw new Error(`${path} is ${bytes} bytes, over ${MAX_BYTES}`);
      written.push(`${path} (${Math.round(bytes / 1024)} KB)`);
    }

    const login = await as(undefined);
    await login.locator('input[name="username"]').fill('amr-issuer');
    await shoot(login, 'login');

    const auditor = await as('amr-auditor');
    await auditor.goto(`${baseUrl}/office/certificates`);
    await auditor.locator('input[name="holderName"]').fill('张三');
    await auditor.getByRole('button', { name: '查询' }).click();
    await auditor.locator('.search-table .el-table__row').nth(1).waitFor();
    await shoot(auditor, 'certificates');
    await auditor.goto(`${baseUrl}/office/certificates/${numbers[1]}`);
    await auditor.locator('.history-table').getByText('浙市监人〔2026〕40号').waitFor();
    await shoot(auditor, 'certificate-detail');

    const issuer = await as('amr-issuer');
    await issuer.goto(`${baseUrl}/office/certificates/new`);
    await issuer.locator('input[name="name"]').fill('赵六');
    await issuer.locator('input[name="idNumber"]').fill('330102198001011273');
    await issuer.locator('input[name="employer"]').fill('浙江省计量科学研究院');
    const item = (label) => issuer.locator('.el-form-item').filter({ has: issuer.getByText(label, { exact: true }) });
    for (const [label, option] of [
      ['资格名称', '正高级工程师'],
      ['专业', '计量'],
    ]) {
      await item(label).locator('.el-select').click();
      await issuer.getByRole('option', { name: option, exact: true }).click();
    }
    await item('评审通过日期').locator('input').fill('2026-11-20');
    await item('评审通过日期').locator('input').press('Enter');
    await issuer.locator('input[name="approvalDocument"]').fill('浙市监人〔2026〕12号');
    await issuer.getByRole('button', { name: '签发', exact: true }).click();
    await item('身份证号').locator('.el-form-item__error').waitFor();
    await shoot(issuer, 'issue-form');

    const hrss = await as('hrss-revoker');
    await hrss.goto(`${baseUrl}/office/revocations`);
    await hrss
      .locator('.el-table__row')
      .filter({ hasText: numbers[3] })
      .getByRole('button', { name: '确认' })
      .waitFor();
    await shoot(hrss, 'revocation-inbox');
    await hrss.getByRole('tab', { name: '发起撤销' }).click();
    await hrss.locator('input[name="certificateNo"]').fill(numbers[2]);
    await hrss.getByRole('button', { name: '查找' }).first().click();
    await hrss.getByText('李四').first().waitFor();
    await shoot(hrss, 'revocation-propose');
    await hrss.getByRole('tab', { name: '发起恢复' }).click();
    await hrss.locator('input[name="reinstateCertificateNo"]').fill(numbers[1]);
    await hrss.locator('#pane-reinstate').getByRole('button', { name: '查找' }).click();
    await hrss.locator('#pane-reinstate').getByText('已撤销').waitFor();
    await shoot(hrss, 'reinstatement');

    await auditor.goto(`${baseUrl}/office/audit`);
    await auditor.getByText('完整（共').waitFor();
    await auditor.locator('input[name="auditAction"]').fill('revocation');
    await auditor.getByRole('button', { name: '筛选' }).click();
    await auditor.waitForFunction(() => document.querySelectorAll('.audit-table .el-table__row').length === 3);
    await shoot(auditor, 'audit');

    const admin = await as('amr-admin');
    await admin.goto(`${baseUrl}/office/officers`);
    await admin.locator('.el-table__row').filter({ hasText: 'amr-auditor' }).waitFor();
    await shoot(admin, 'officers');

    const officers = app.get(OfficersService);
    const addOfficer = (username, authority, roles) =>
      officers.add(
        { username, password: password(username), authority, roles },
        { actor: 'cli:admin', authority: null },
      );
    await shootRound({ baseUrl, clock, addOfficer, as, shoot });
  } finally {
    await browser.close();
    await app.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(written.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
