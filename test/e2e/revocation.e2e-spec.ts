import { SigningService } from '../../src/signing/signing.service';
import { statusAt } from '../../src/signing/status-list';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, bypassAuditTriggers, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const TODAY = new Date('2026-11-27T02:00:00Z');

describe('revocation, bans, notices, reinstatement, status list, audit (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  let amrRevoker: Officer;
  let amrRevoker2: Officer;
  let hrssRevoker: Officer;
  let hrssRevoker2: Officer;
  let auditor: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: TODAY });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(TODAY);
    await t.reset();
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    amrRevoker = await officer(t, 'amr-revoker', 'amr', ['revoker']);
    amrRevoker2 = await officer(t, 'amr-revoker2', 'amr', ['revoker']);
    hrssRevoker = await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
    hrssRevoker2 = await officer(t, 'hrss-revoker2', 'hrss', ['revoker']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
  });

  /** Issues on 2026-11-21 (the clock then returns to TODAY), so decisions can date before today. */
  async function issue(
    idNumber = '330102198001011272',
  ): Promise<{ certificateNo: string; credential: unknown; token: string }> {
    t.clock.set(new Date('2026-11-21T02:00:00Z'));
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber, gender: Number(idNumber[16]) % 2 ? '男' : '女' }),
      issuer.token,
    );
    t.clock.set(TODAY);
    expect(issued.status).toBe(201);
    const [row] = await t.dataSource.query<Array<{ qr_token: string }>>(
      `SELECT qr_token FROM certificates WHERE certificate_no = '${issued.body.certificateNo as string}'`,
    );
    return { certificateNo: issued.body.certificateNo, credential: issued.body.credential, token: row.qr_token };
  }

  const proposal = (certificateNo: string, overrides: Record<string, unknown> = {}) => ({
    certificateNo,
    reasonCategory: 'falsified-materials',
    description: '申报材料中的业绩证明系伪造。',
    decisionDocument: '浙市监人〔2026〕40号',
    decisionDate: '2026-11-26',
    effectiveDate: '2026-11-26',
    serious: true,
    ...overrides,
  });
  const propose = (certificateNo: string, by: Officer, overrides: Record<string, unknown> = {}) =>
    api(t, 'POST', '/api/v1/revocations', proposal(certificateNo, overrides), by.token);
  const confirm = (id: number, by: Officer, kind = 'revocations') =>
    api(t, 'POST', `/api/v1/${kind}/${id}/confirmation`, undefined, by.token);
  const codes = (r: ApiResponse) => [r.status, r.body.code];
  /** After the clock jumps, a fresh access token (they live 15 minutes). */
  const relogin = async (o: Officer): Promise<Officer> => {
    const response = await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password });
    return { ...o, token: response.body.accessToken as string };
  };

  it('needs a revoker of the other authority to confirm; only then is the certificate revoked everywhere', async () => {
    const { certificateNo, credential, token } = await issue();
    const proposed = await propose(certificateNo, amrRevoker);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      state: 'PROPOSED',
      kind: 'REVOCATION',
      certificateNo,
      proposedAuthority: 'amr',
      reasonCategoryName: '伪造、变造申报材料',
    });
    expect((await api(t, 'POST', '/api/v1/verifications', { credential })).body.verdict).toBe('VALID');

    expect(codes(await confirm(proposed.body.id, amrRevoker))).toEqual([403, 'CONFIRMATION_BY_SAME_AUTHORITY']);
    expect(codes(await confirm(proposed.body.id, amrRevoker2))).toEqual([403, 'CONFIRMATION_BY_SAME_AUTHORITY']);
    expect(codes(await confirm(proposed.body.id, issuer))).toEqual([403, 'FORBIDDEN_ROLE']);

    const confirmed = await confirm(proposed.body.id, hrssRevoker);
    expect([confirmed.status, confirmed.body.state, confirmed.body.decidedAuthority]).toEqual([
      200,
      'CONFIRMED',
      'hrss',
    ]);

    const verified = await api(t, 'POST', '/api/v1/verifications', { credential });
    expect(verified.body.verdict).toBe('REVOKED');
    expect(verified.body.revocation).toEqual({
      revokedOn: '2026-11-26',
      reasonCategory: 'falsified-materials',
      reasonCategoryName: '伪造、变造申报材料',
      decisionDocument: '浙市监人〔2026〕40号',
      decisionDate: '2026-11-26',
    });
    expect((await api(t, 'POST', '/api/v1/verifications', { token })).body.verdict).toBe('REVOKED');
    const registry = await api(t, 'GET', `/api/v1/registry/certificates/${certificateNo}`);
    expect(registry.body).toMatchObject({
      status: 'REVOKED',
      revocation: { decisionDocument: '浙市监人〔2026〕40号', revokedOn: '2026-11-26' },
    });
    const pdf = await api(t, 'POST', '/api/v1/holder/certificate-pdf', {
      certificateNo,
      name: '张三',
      idNumber: '330102198001011272',
    });
    expect(codes(pdf)).toEqual([410, 'CERTIFICATE_REVOKED']);

    expect(codes(await confirm(proposed.body.id, hrssRevoker2))).toEqual([409, 'CASE_NOT_PENDING']);
    expect(codes(await propose(certificateNo, amrRevoker))).toEqual([409, 'CERTIFICATE_ALREADY_REVOKED']);
    expect(codes(await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token))).toEqual([
      409,
      'HOLDER_CERTIFICATE_REVOKED',
    ]);
  });

  it('ends a rejected proposal without effect', async () => {
    const { certificateNo, credential } = await issue();
    const proposed = await propose(certificateNo, hrssRevoker);
    expect(codes(await propose(certificateNo, amrRevoker))).toEqual([409, 'CASE_ALREADY_OPEN']);
    const rejected = await api(
      t,
      'POST',
      `/api/v1/revocations/${proposed.body.id}/rejection`,
      { reason: '证据不足' },
      amrRevoker.token,
    );
    expect([rejected.status, rejected.body.state, rejected.body.rejectionReason]).toEqual([
      200,
      'REJECTED',
      '证据不足',
    ]);
    expect(codes(await confirm(proposed.body.id, amrRevoker))).toEqual([409, 'CASE_NOT_PENDING']);
    expect((await api(t, 'POST', '/api/v1/verifications', { credential })).body.verdict).toBe('VALID');
  });

  it('dates issuance by the China day: no decision takes effect, no status is answered, before it', async () => {
    // 2026-11-24 18:42 UTC is 2026-11-25 02:42 in China: the certificate is issued on the 25th.
    t.clock.set(new Date('2026-11-24T18:42:00Z'));
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber: makeIdNumber('1981-05-05', 7) }),
      issuer.token,
    );
    t.clock.set(TODAY);
    const { certificateNo } = issued.body as { certificateNo: string };
    expect(codes(await propose(certificateNo, amrRevoker, { effectiveDate: '2026-11-24' }))).toEqual([
      400,
      'DATE_INVALID',
    ]);
    const onUtcDay = await api(t, 'GET', `/api/v1/registry/certificates/${certificateNo}?at=2026-11-24`);
    expect([onUtcDay.status, onUtcDay.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    const onChinaDay = await api(t, 'GET', `/api/v1/registry/certificates/${certificateNo}?at=2026-11-25`);
    expect(onChinaDay.body.status).toBe('VALID');
    const proposed = await propose(certificateNo, amrRevoker, { effectiveDate: '2026-11-25' });
    expect(proposed.status).toBe(201);
  });

  it('refuses bad proposals with codes', async () => {
    const { certificateNo } = await issue();
    expect(codes(await propose(certificateNo, amrRevoker, { reasonCategory: 'laziness' }))).toEqual([
      400,
      'REASON_CATEGORY_INVALID',
    ]);
    expect(codes(await propose(certificateNo, amrRevoker, { decisionDocument: '40号' }))).toEqual([
      400,
      'DECISION_DOCUMENT_INVALID',
    ]);
    // Numbered in the decision's year at the latest, and not before the certificate's evaluation year.
    for (const decisionDocument of ['浙市监人〔2099〕40号', '浙市监人〔2027〕40号', '浙市监人〔2001〕40号']) {
      const refused = await propose(certificateNo, amrRevoker, { decisionDocument });
      expect([decisionDocument, ...codes(refused), refused.body.details]).toEqual([
        decisionDocument,
        400,
        'DECISION_DOCUMENT_INVALID',
        { field: 'decisionDocument', earliest: 2026, latest: 2026 },
      ]);
    }
    expect(codes(await propose(certificateNo, amrRevoker, { decisionDate: '2026-11-28' }))).toEqual([
      400,
      'DATE_IN_FUTURE',
    ]);
    expect(codes(await propose(certificateNo, amrRevoker, { effectiveDate: '2026-02-30' }))).toEqual([
      400,
      'DATE_INVALID',
    ]);
    const early = await propose(certificateNo, amrRevoker, { decisionDate: '2026-11-20' });
    expect([...codes(early), early.body.details]).toEqual([
      400,
      'DATE_INVALID',
      { field: 'decisionDate', earliest: '2026-11-21' },
    ]);
    expect(codes(await propose(certificateNo, amrRevoker, { effectiveDate: '2026-11-20' }))).toEqual([
      400,
      'DATE_INVALID',
    ]);
    expect(codes(await propose(certificateNo, amrRevoker, { serious: 'yes' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await propose('ZJZ2026999999', amrRevoker))).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect(codes(await confirm(999999, hrssRevoker))).toEqual([404, 'CASE_NOT_FOUND']);
    expect(codes(await api(t, 'POST', '/api/v1/revocations/abc/confirmation', undefined, hrssRevoker.token))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(
      codes(await api(t, 'POST', '/api/v1/revocations/99999999999/confirmation', undefined, hrssRevoker.token)),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await api(t, 'GET', '/api/v1/revocations/2147483647', undefined, hrssRevoker.token))).toEqual([
      404,
      'CASE_NOT_FOUND',
    ]);
  });

  it('bans a serious case from 1 January after the evaluation year through 31 December of the third year', async () => {
    const { certificateNo } = await issue();
    const proposed = await propose(certificateNo, amrRevoker);
    await confirm(proposed.body.id, hrssRevoker);
    const ban = () => api(t, 'GET', '/api/v1/bans/330102198001011272', undefined, auditor.token);
    const expected = { from: '2027-01-01', until: '2029-12-31', decisionDocument: '浙市监人〔2026〕40号' };
    expect((await ban()).body).toEqual({ active: false, ...expected });
    for (const [instant, active] of [
      ['2026-12-31T15:59:59Z', false],
      ['2026-12-31T16:00:00Z', true],
      ['2029-12-31T15:00:00Z', true],
      ['2029-12-31T16:00:00Z', false],
    ] as const) {
      t.clock.set(new Date(instant));
      auditor = await relogin(auditor);
      expect((await ban()).body.active).toBe(active);
    }
    t.clock.set(TODAY);
    auditor = await relogin(auditor);
    expect(
      (await api(t, 'GET', `/api/v1/bans/${makeIdNumber('1990-01-01', 15)}`, undefined, auditor.token)).body,
    ).toEqual({ active: false, from: null, until: null, decisionDocument: null });
    expect(codes(await api(t, 'GET', '/api/v1/bans/330102198001011273', undefined, auditor.token))).toEqual([
      400,
      'ID_NUMBER_INVALID',
    ]);
    expect((await api(t, 'GET', '/api/v1/bans/330102198001011272')).status).toBe(401);
  });

  it('refuses a direct issuance to a barred person while the ban runs or for its years, not to others', async () => {
    const { certificateNo } = await issue();
    await confirm((await propose(certificateNo, amrRevoker)).body.id, hrssRevoker);
    const barredHolder = { idNumber: '330102198001011272', gender: '男' };
    const other = { idNumber: makeIdNumber('1985-03-04', 17), gender: '男', name: '李四' };
    const senior = { level: 'senior', evaluationYear: 2026, passedOn: '2026-11-20' };
    // Before the ban starts, a qualification of 2026 (not one of its years) is still issued.
    const before = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(senior, barredHolder), issuer.token);
    expect(before.status).toBe(201);

    t.clock.set(new Date('2027-03-01T02:00:00Z'));
    const officerNow = await relogin(issuer);
    const of2027 = {
      level: 'senior',
      evaluationYear: 2027,
      passedOn: '2027-02-20',
      approvalDocument: '浙人社〔2027〕3号',
    };
    const [barred, unbarred] = await Promise.all([
      api(t, 'POST', '/api/v1/certificates', issuanceRequest(of2027, barredHolder), officerNow.token),
      api(t, 'POST', '/api/v1/certificates', issuanceRequest(of2027, other), officerNow.token),
    ]);
    expect(codes(barred)).toEqual([422, 'APPLICANT_BANNED']);
    // A retry of the certificate issued before the ban is still answered with it.
    const retried = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest(senior, barredHolder),
      officerNow.token,
    );
    expect([retried.status, retried.body.certificateNo]).toEqual([200, before.body.certificateNo]);
    expect(barred.body.details).toEqual({
      from: '2027-01-01',
      until: '2029-12-31',
      decisionDocument: '浙市监人〔2026〕40号',
    });
    expect(unbarred.status).toBe(201);
    // While it runs, an earlier year's qualification is not issued either.
    const earlier = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest(
        { level: 'senior', evaluationYear: 2025, passedOn: '2026-01-10', approvalDocument: '浙人社〔2026〕1号' },
        barredHolder,
      ),
      officerNow.token,
    );
    expect(codes(earlier)).toEqual([422, 'APPLICANT_BANNED']);
    const [{ n }] = await t.dataSource.query<Array<{ n: number | string }>>(
      `SELECT COUNT(*) AS n FROM certificates WHERE id_number = '330102198001011272'`,
    );
    expect(Number(n)).toBe(2);
  });

  it('looks a ban up whether the check character is typed X or x', async () => {
    const idNumber = makeIdNumber('1980-01-01', 3);
    expect(idNumber.endsWith('X')).toBe(true);
    const { certificateNo } = await issue(idNumber);
    await confirm((await propose(certificateNo, amrRevoker)).body.id, hrssRevoker);
    const upper = await api(t, 'GET', `/api/v1/bans/${idNumber}`, undefined, auditor.token);
    const lower = await api(t, 'GET', `/api/v1/bans/${idNumber.toLowerCase()}`, undefined, auditor.token);
    expect(upper.body).toMatchObject({ from: '2027-01-01', until: '2029-12-31' });
    expect([lower.status, lower.body]).toEqual([200, upper.body]);
  });

  it('does not ban a case that is not serious', async () => {
    const { certificateNo } = await issue();
    await confirm((await propose(certificateNo, amrRevoker, { serious: false })).body.id, hrssRevoker);
    t.clock.set(new Date('2027-06-01T00:00:00Z'));
    auditor = await relogin(auditor);
    expect((await api(t, 'GET', '/api/v1/bans/330102198001011272', undefined, auditor.token)).body.active).toBe(false);
  });

  it('publishes the decision as a notice without the full ID number, on the API and the page', async () => {
    const { certificateNo } = await issue();
    await confirm((await propose(certificateNo, amrRevoker)).body.id, hrssRevoker);
    const notices = await api(t, 'GET', '/api/v1/notices');
    expect(notices.body).toEqual([
      {
        kind: 'REVOCATION',
        certificateNo,
        holderName: '张三',
        idNumberMasked: '330***********1272',
        employer: '浙江省计量科学研究院',
        qualification: '正高级工程师',
        specialty: '计量',
        reasonCategory: 'falsified-materials',
        reasonCategoryName: '伪造、变造申报材料',
        decisionDocument: '浙市监人〔2026〕40号',
        decisionDate: '2026-11-26',
        effectiveDate: '2026-11-26',
        ban: { from: '2027-01-01', until: '2029-12-31' },
      },
    ]);
    const page = await fetch(`${t.baseUrl}/notices`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('张三');
    expect(html).toContain('浙江省计量科学研究院');
    expect(html).toContain('2027年1月1日 至 2029年12月31日');
    expect(html + JSON.stringify(notices.body)).not.toContain('330102198001011272');
  });

  it('reverses a revocation by the same joint process, lifting the ban and keeping the history', async () => {
    const { certificateNo, credential } = await issue();
    const revocation = await propose(certificateNo, amrRevoker);
    await confirm(revocation.body.id, hrssRevoker);
    t.clock.set(new Date('2027-03-10T02:00:00Z'));
    [hrssRevoker, hrssRevoker2, amrRevoker, auditor] = await Promise.all(
      [hrssRevoker, hrssRevoker2, amrRevoker, auditor].map(relogin),
    );
    const reinstate = (dates: { decisionDate: string; effectiveDate: string }, document = '浙人社〔2027〕8号') =>
      api(
        t,
        'POST',
        '/api/v1/reinstatements',
        { certificateNo, description: '复审认定证据不实。', decisionDocument: document, ...dates },
        hrssRevoker.token,
      );
    // Not before the revocation it reverses (2026-11-26), else the dated history would contradict the record.
    for (const field of ['decisionDate', 'effectiveDate'] as const) {
      const early = await reinstate(
        { decisionDate: '2026-11-26', effectiveDate: '2026-11-26', [field]: '2026-11-25' },
        '浙人社〔2026〕8号',
      );
      expect([field, ...codes(early), early.body.details]).toEqual([
        field,
        400,
        'DATE_INVALID',
        { field, earliest: '2026-11-26' },
      ]);
    }
    const reinstatement = await reinstate({ decisionDate: '2027-03-09', effectiveDate: '2027-03-09' });
    expect([reinstatement.status, reinstatement.body.state, reinstatement.body.reversesCaseId]).toEqual([
      201,
      'PROPOSED',
      revocation.body.id,
    ]);
    expect(codes(await confirm(reinstatement.body.id, hrssRevoker2, 'reinstatements'))).toEqual([
      403,
      'CONFIRMATION_BY_SAME_AUTHORITY',
    ]);
    expect((await confirm(reinstatement.body.id, amrRevoker, 'reinstatements')).body.state).toBe('CONFIRMED');

    expect((await api(t, 'POST', '/api/v1/verifications', { credential })).body.verdict).toBe('VALID');
    expect((await api(t, 'GET', '/api/v1/bans/330102198001011272', undefined, auditor.token)).body.active).toBe(false);
    expect((await api(t, 'GET', '/api/v1/notices')).body).toEqual([]);
    const atDate = (date: string) => api(t, 'GET', `/api/v1/registry/certificates/${certificateNo}?at=${date}`);
    expect((await atDate('2026-11-21')).body.status).toBe('VALID');
    expect((await atDate('2026-11-25')).body.status).toBe('VALID');
    expect((await atDate('2026-11-26')).body.status).toBe('REVOKED');
    expect((await atDate('2027-03-08')).body.status).toBe('REVOKED');
    expect((await atDate('2027-03-09')).body.status).toBe('VALID');
    const history = await t.dataSource.query<Array<{ status: string; effective_date: string }>>(
      `SELECT status, effective_date FROM certificate_status_history ORDER BY id`,
    );
    expect(history).toEqual([
      { status: 'REVOKED', effective_date: '2026-11-26' },
      { status: 'VALID', effective_date: '2027-03-09' },
    ]);
    expect(
      codes(
        await api(
          t,
          'POST',
          '/api/v1/reinstatements',
          {
            certificateNo,
            description: 'x',
            decisionDocument: '浙人社〔2027〕9号',
            decisionDate: '2027-03-09',
            effectiveDate: '2027-03-09',
          },
          hrssRevoker.token,
        ),
      ),
    ).toEqual([409, 'CERTIFICATE_NOT_REVOKED']);
  });

  it('keeps one pending case per certificate when two proposals race', async () => {
    const { certificateNo } = await issue();
    const results = await Promise.all([
      propose(certificateNo, amrRevoker),
      propose(certificateNo, hrssRevoker),
      propose(certificateNo, amrRevoker2),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual([
      'CASE_ALREADY_OPEN',
      'CASE_ALREADY_OPEN',
    ]);
    const pending = await t.dataSource.query<Array<{ n: number | string }>>(
      `SELECT COUNT(*) AS n FROM decision_cases WHERE state = 'PROPOSED'`,
    );
    expect(Number(pending[0].n)).toBe(1);
  });

  it('leaves one consistent state when two confirmations, or a confirmation and a rejection, race', async () => {
    for (let round = 0; round < 3; round++) {
      const { certificateNo } = await issue(makeIdNumber('1981-05-05', 20 + round * 2));
      const proposed = await propose(certificateNo, amrRevoker);
      const racers =
        round === 2
          ? [
              confirm(proposed.body.id, hrssRevoker),
              api(t, 'POST', `/api/v1/revocations/${proposed.body.id}/rejection`, { reason: 'x' }, hrssRevoker2.token),
            ]
          : [confirm(proposed.body.id, hrssRevoker), confirm(proposed.body.id, hrssRevoker2)];
      const results = await Promise.all(racers);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [state] = await t.dataSource.query<Array<{ state: string }>>(
        `SELECT state FROM decision_cases WHERE id = ${Number(proposed.body.id)}`,
      );
      const [certificate] = await t.dataSource.query<Array<{ status: string }>>(
        `SELECT status FROM certificates WHERE certificate_no = '${certificateNo}'`,
      );
      const history = await t.dataSource.query<Array<{ n: number | string }>>(
        `SELECT COUNT(*) AS n FROM certificate_status_history WHERE certificate_no = '${certificateNo}'`,
      );
      expect([state.state, certificate.status, Number(history[0].n)]).toEqual(
        state.state === 'CONFIRMED' ? ['CONFIRMED', 'REVOKED', 1] : ['REJECTED', 'VALID', 0],
      );
    }
  });

  it('publishes a status list signed by both authorities, with the revoked bit set at once', async () => {
    const kept = await issue(makeIdNumber('1970-07-07', 31));
    const { certificateNo, credential } = await issue();
    const index = (c: unknown) =>
      JSON.parse(Buffer.from((c as { payload: string }).payload, 'base64url').toString()).sl as number;
    await confirm((await propose(certificateNo, amrRevoker)).body.id, hrssRevoker);
    const list = await api(t, 'GET', '/api/v1/status-lists/1');
    expect(Number(/max-age=(\d+)/.exec(list.headers.get('cache-control') ?? '')?.[1])).toBeLessThanOrEqual(600);
    const check = await t.app.get(SigningService).checkStatusList(list.body, t.clock.now());
    expect(check.reasons).toEqual([]);
    expect(check.signatures.map((s) => s.authority).sort()).toEqual(['amr', 'hrss']);
    expect(await statusAt(check.claims!.status_list.lst, index(credential))).toBe(1);
    expect(await statusAt(check.claims!.status_list.lst, index(kept.credential))).toBe(0);
    expect(check.claims!.sub).toBe('https://zs.example.test/api/v1/status-lists/1');
  });

  it('chains every step in the audit log, which the database keeps append-only and audit verification checks', async () => {
    const { certificateNo } = await issue();
    await confirm((await propose(certificateNo, amrRevoker)).body.id, hrssRevoker);
    const entries = await api(t, 'GET', '/api/v1/audit/entries?limit=100', undefined, auditor.token);
    expect(entries.body.map((e: { action: string }) => e.action)).toEqual([
      ...Array(6).fill('officer.added'),
      'certificate.issued',
      'revocation.proposed',
      'revocation.confirmed',
    ]);
    expect(entries.body[7]).toMatchObject({ actor: 'amr-revoker', authority: 'amr', subject: certificateNo });
    expect((await api(t, 'GET', '/api/v1/audit/entries', undefined, issuer.token)).status).toBe(403);
    expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body).toEqual({
      ok: true,
      entries: 9,
    });

    // The service's own connection is refused (on PostgreSQL it lacks the privilege), and so is an administrator's (the triggers).
    await expect(t.dataSource.query(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 8`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_log WHERE seq = 9')).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(t.adminQuery(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 8`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.adminQuery('DELETE FROM audit_log WHERE seq = 9')).rejects.toThrow(/append-only/);

    await bypassAuditTriggers(t.dataSource, async (run) => {
      await run(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 8`);
    });
    expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body).toEqual({
      ok: false,
      entries: 8,
      brokenAt: 8,
      problem: 'content does not match its hash',
    });
  });
});
