import { applicantCertificateRequest, chinaMorning, publishedProfessorRound } from '../support/evaluation-round';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, OFFICE_SCREEN, openPhone, Phone, screenshotPath } from './chromium';

/**
 * A round's issuance in the console when one applicant already holds a certificate of the level
 * and year with other details: the others are issued, and the panel names the one who was not.
 */
describe('office console: a round issued around a conflicting certificate (e2e)', () => {
  let t: TestApp;
  let browser: Phone | undefined;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterAll(async () => {
    if (browser) {
      await browser.close();
      expect(browser.problems).toEqual([]);
    }
    await t.close();
  });

  it('names the applicant left without the round’s certificate, and why', async () => {
    const roundId = await publishedProfessorRound(
      t,
      await officer(t, 'amr-admin', 'amr', ['admin']),
      await officer(t, 'hrss-admin', 'hrss', ['admin']),
    );
    const issuer = await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    const direct = await api(t, 'POST', '/api/v1/certificates', applicantCertificateRequest('林雪'), issuer.token);
    expect(direct.status).toBe(201);
    const issued = await api(t, 'POST', `/api/v1/evaluation/rounds/${roundId}/issuance`, undefined, issuer.token);
    expect(issued.body).toMatchObject({ created: 7, state: 'CERTIFICATES_ISSUED' });

    browser = await openPhone({ now: t.clock.now() });
    const page = browser.page;
    await page.setViewportSize(OFFICE_SCREEN);
    await page.goto(`${t.baseUrl}/office/login`);
    await page.locator('input[name="username"]').fill('hrss-issuer');
    await page.locator('input[name="password"]').fill('pw-hrss-issuer-correct-horse');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.goto(`${t.baseUrl}/office/evaluation/rounds/${roundId}`);
    await page.getByTestId('issuance-progress').getByText('发证已完成（部分未签发，见下）：7 / 8').waitFor();
    const conflicts = page.getByTestId('issuance-conflicts');
    await conflicts.getByText('1 名申报人未签发本次证书').waitFor();
    expect(await conflicts.innerText()).toContain(`林雪（申报 #`);
    expect(await conflicts.innerText()).toContain(`已持有 ${direct.body.certificateNo as string}`);
    await page.screenshot({ path: screenshotPath('office-round-conflicts'), fullPage: true });

    // Corrected to the round's details, the certificate is no conflict: the step opens again and
    // a rerun links it.
    await t.adminQuery(
      `UPDATE certificates SET passed_on = '2026-12-18', approval_document = '浙市监人〔2026〕50号' WHERE certificate_no = '${direct.body.certificateNo as string}'`,
    );
    await page.reload();
    await page.getByTestId('issuance-progress').getByText('尚有 1 人待签发，可再次执行批量发证：7 / 8').waitFor();
    await page.getByRole('button', { name: '开始批量发证' }).click();
    await page.getByTestId('issuance-progress').getByText('已全部签发：8 / 8').waitFor();
    expect(await page.getByTestId('issuance-conflicts').count()).toBe(0);
  });
});
