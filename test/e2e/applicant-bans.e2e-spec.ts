import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applicantCertificateRequest,
  chinaMorning,
  publishedProfessorRound,
  signIn,
} from '../support/evaluation-round';
import { meanwhile } from '../support/interleave';
import { Client } from 'pg';
import { AUDIT_CHAIN_LOCK } from '../../src/database/chain-locks';
import { api, ApiResponse, officer, Officer, startTestApp, TEST_DB, TestApp } from '../support/test-app';

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
const codes = (r: ApiResponse) => [r.status, r.body.code];
const APPLICATIONS_CSV = readFileSync(join(__dirname, '../fixtures/evaluation/applications-professor.csv'), 'utf8');
const CALENDAR_2027 = JSON.parse(readFileSync(join(__dirname, '../../docs/examples/calendar-2027.json'), 'utf8'));
/** A schedule for a year chinese-days does not know, enough to count January's working days. */
const CALENDAR_2030 = {
  year: 2030,
  documentNumber: '国办发明电〔2029〕7号',
  publishedOn: '2029-11-05',
  holidays: ['2030-01-01'],
  makeUpWorkingDays: [],
};
/** The first applicant of the fixture: 陈晓峰 of 浙江省计量科学研究院, metrology. */
const ID_NUMBER = '330106197803120113';

describe('banning an applicant without a certificate for misconduct found during a round (e2e)', () => {
  let t: TestApp;
  let admin: Officer;
  let amrRevoker: Officer;
  let amrRevoker2: Officer;
  let hrssRevoker: Officer;
  let auditor: Officer;
  let roundId: number;
  let applicationId: number;

  beforeAll(async () => {
    t = await startTestApp({ now: at('2026-11-02') });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(at('2026-11-02'));
    await t.reset();
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
    amrRevoker = await officer(t, 'amr-revoker', 'amr', ['revoker']);
    amrRevoker2 = await officer(t, 'amr-revoker2', 'amr', ['revoker']);
    hrssRevoker = await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    roundId = await openRound(2026);
    const imported = await api(
      t,
      'POST',
      `/api/v1/evaluation/rounds/${roundId}/applications/import`,
      APPLICATIONS_CSV,
      admin.token,
      {
        'content-type': 'text/csv; charset=utf-8',
      },
    );
    expect(imported.body).toEqual({ imported: 8 });
    const applications = await api(
      t,
      'GET',
      `/api/v1/evaluation/rounds/${roundId}/applications`,
      undefined,
      admin.token,
    );
    applicationId = (applications.body as Array<{ id: number; name: string }>).find((a) => a.name === '陈晓峰')!.id;
    // The misconduct comes to light later in the round.
    await day('2026-11-27');
  });

  /** Moves the clock and signs everyone in again (access tokens live 15 minutes). */
  async function day(date: string): Promise<void> {
    t.clock.set(at(date));
    const login = async (o: Officer) => ({
      ...o,
      token: (await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password })).body
        .accessToken as string,
    });
    [admin, amrRevoker, amrRevoker2, hrssRevoker, auditor] = await Promise.all(
      [admin, amrRevoker, amrRevoker2, hrssRevoker, auditor].map(login),
    );
  }
  async function openRound(year: number): Promise<number> {
    const round = { level: 'professor', year, meetingDate: `${year}-12-18` };
    const created = await api(t, 'POST', '/api/v1/evaluation/rounds', round, admin.token);
    expect(created.status).toBe(201);
    return created.body.id as number;
  }
  const proposal = (overrides: Record<string, unknown> = {}) => ({
    roundId,
    applicationId,
    reasonCategory: 'fabricated-achievements',
    description: '申报材料所列科研成果系编造。',
    decisionDocument: '浙市监人〔2026〕45号',
    decisionDate: '2026-11-26',
    ...overrides,
  });
  const propose = (by: Officer, overrides: Record<string, unknown> = {}) =>
    api(t, 'POST', '/api/v1/applicant-bans', proposal(overrides), by.token);
  const decide = (id: number, step: 'confirmation' | 'rejection', by: Officer, body?: unknown) =>
    api(t, 'POST', `/api/v1/applicant-bans/${id}/${step}`, body, by.token);
  const banOf = (idNumber = ID_NUMBER) => api(t, 'GET', `/api/v1/bans/${idNumber}`, undefined, auditor.token);
  const auditTrail = async (caseId: number) =>
    (
      (await api(t, 'GET', '/api/v1/audit/entries?limit=1000', undefined, auditor.token)).body as Array<{
        action: string;
        subject: string;
        authority: string;
      }>
    )
      .filter((e) => e.subject === `applicant-ban:${caseId}`)
      .map((e) => [e.action, e.authority]);
  /** 陈晓峰 applies again to a round of `year`, the employer's publicity just over. */
  const applyAgain = async (year: number, publicity: [string, string]) =>
    api(
      t,
      'POST',
      `/api/v1/evaluation/rounds/${await openRound(year)}/applications`,
      {
        name: '陈晓峰',
        idNumber: ID_NUMBER,
        employer: '浙江省计量科学研究院',
        specialty: 'metrology',
        channel: 'regular',
        quantitativeScore: null,
        pledge: true,
        employerPublicityStart: publicity[0],
        employerPublicityEnd: publicity[1],
        departmentReviewed: true,
        intermediateRecommended: false,
      },
      admin.token,
    );

  it('bars the applicant once the other authority confirms, publishes it, and refuses them until the ban ends', async () => {
    const proposed = await propose(amrRevoker);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      state: 'PROPOSED',
      roundId,
      applicationId,
      evaluationYear: 2026,
      name: '陈晓峰',
      idNumberMasked: '330***********0113',
      employer: '浙江省计量科学研究院',
      reasonCategoryName: '剽窃、抄袭或编造业绩成果',
      ban: { from: '2027-01-01', until: '2029-12-31' },
      proposedAuthority: 'amr',
    });
    const id = proposed.body.id as number;
    // A proposal alone bars nobody and publishes nothing.
    expect((await banOf()).body).toEqual({ active: false, from: null, until: null, decisionDocument: null });
    expect((await api(t, 'GET', '/api/v1/notices')).body).toEqual([]);

    expect(codes(await decide(id, 'confirmation', amrRevoker2))).toEqual([403, 'CONFIRMATION_BY_SAME_AUTHORITY']);
    const confirmed = await decide(id, 'confirmation', hrssRevoker);
    expect([confirmed.status, confirmed.body.state, confirmed.body.decidedAuthority]).toEqual([
      200,
      'CONFIRMED',
      'hrss',
    ]);
    expect(codes(await decide(id, 'confirmation', hrssRevoker))).toEqual([409, 'CASE_NOT_PENDING']);
    expect(await auditTrail(id)).toEqual([
      ['applicant-ban.proposed', 'amr'],
      ['applicant-ban.confirmed', 'hrss'],
    ]);
    expect((await banOf()).body).toEqual({
      active: false,
      from: '2027-01-01',
      until: '2029-12-31',
      decisionDocument: '浙市监人〔2026〕45号',
    });

    const notices = await api(t, 'GET', '/api/v1/notices');
    expect(notices.body).toEqual([
      {
        kind: 'APPLICANT_BAN',
        certificateNo: null,
        holderName: '陈晓峰',
        idNumberMasked: '330***********0113',
        employer: '浙江省计量科学研究院',
        qualification: '正高级工程师',
        specialty: '计量',
        roundId,
        evaluationYear: 2026,
        reasonCategory: 'fabricated-achievements',
        reasonCategoryName: '剽窃、抄袭或编造业绩成果',
        decisionDocument: '浙市监人〔2026〕45号',
        decisionDate: '2026-11-26',
        ban: { from: '2027-01-01', until: '2029-12-31' },
      },
    ]);
    const html = await (await fetch(`${t.baseUrl}/notices`)).text();
    for (const shown of [
      '陈晓峰',
      '330***********0113',
      '浙江省计量科学研究院（全省通报批评）',
      '2026年度正高级工程师（计量）评审',
      '浙市监人〔2026〕45号（2026年11月26日）',
      '2027年1月1日 至 2029年12月31日',
    ])
      expect(html).toContain(shown);
    expect(html + JSON.stringify(notices.body)).not.toContain(ID_NUMBER);

    // The next year the applicant is refused with the ban's end date…
    await day('2027-03-01');
    expect((await api(t, 'PUT', '/api/v1/calendar/years/2027', CALENDAR_2027, admin.token)).status).toBe(200);
    const refused = await applyAgain(2027, ['2027-02-22', '2027-02-26']);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      422,
      'APPLICANT_BANNED',
      expect.objectContaining({ field: 'idNumber', until: '2029-12-31', decisionDocument: '浙市监人〔2026〕45号' }),
    ]);
    // …and accepted the year after it ends.
    await day('2030-01-14');
    expect((await api(t, 'PUT', '/api/v1/calendar/years/2030', CALENDAR_2030, admin.token)).status).toBe(200);
    const accepted = await applyAgain(2030, ['2030-01-02', '2030-01-08']);
    expect([accepted.status, accepted.body.name]).toEqual([201, '陈晓峰']);
  });

  it('closes a rejected case without a ban; one pending case per applicant', async () => {
    const proposed = await propose(amrRevoker);
    expect(codes(await propose(hrssRevoker, { decisionDocument: '浙人社〔2026〕91号' }))).toEqual([
      409,
      'CASE_ALREADY_OPEN',
    ]);
    const rejected = await decide(proposed.body.id, 'rejection', hrssRevoker, { reason: '证据不足。' });
    expect([rejected.status, rejected.body.state, rejected.body.rejectionReason]).toEqual([
      200,
      'REJECTED',
      '证据不足。',
    ]);
    expect(codes(await decide(proposed.body.id, 'confirmation', hrssRevoker))).toEqual([409, 'CASE_NOT_PENDING']);
    expect(await auditTrail(proposed.body.id)).toEqual([
      ['applicant-ban.proposed', 'amr'],
      ['applicant-ban.rejected', 'hrss'],
    ]);
    expect((await banOf()).body.from).toBeNull();
    expect((await api(t, 'GET', '/api/v1/notices')).body).toEqual([]);
    // Once the case is closed, a new one may be opened.
    expect((await propose(hrssRevoker, { decisionDocument: '浙人社〔2026〕91号' })).status).toBe(201);
  });

  it('bans only an applicant of the round without a certificate, once, on a past decision', async () => {
    expect(codes(await propose(amrRevoker, { applicationId: applicationId + 100 }))).toEqual([
      404,
      'APPLICATION_NOT_FOUND',
    ]);
    expect(codes(await propose(amrRevoker, { roundId: roundId + 100 }))).toEqual([404, 'ROUND_NOT_FOUND']);
    expect(codes(await propose(amrRevoker, { decisionDate: '2026-11-28' }))).toEqual([400, 'DATE_IN_FUTURE']);
    expect(codes(await propose(amrRevoker, { decisionDate: '2026-10-01' }))).toEqual([400, 'DATE_INVALID']);
    for (const decisionDocument of ['浙市监人〔2099〕40号', '浙市监人〔2001〕40号'])
      expect(codes(await propose(amrRevoker, { decisionDocument }))).toEqual([400, 'DECISION_DOCUMENT_INVALID']);
    expect(codes(await propose(amrRevoker, { reasonCategory: 'rudeness' }))).toEqual([400, 'REASON_CATEGORY_INVALID']);
    expect(codes(await propose(admin))).toEqual([403, 'FORBIDDEN_ROLE']);

    const first = await propose(amrRevoker);
    await decide(first.body.id, 'confirmation', hrssRevoker);
    expect(codes(await propose(hrssRevoker))).toEqual([409, 'APPLICANT_ALREADY_BANNED']);
    // The year it disqualified (四.四.3 取消当年评审资格) gets no certificate another way either,
    // though the ban's own years start after it.
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const direct = await api(
      t,
      'POST',
      '/api/v1/certificates',
      applicantCertificateRequest('陈晓峰', { passedOn: '2026-11-02', approvalDocument: '浙市监人〔2026〕50号' }),
      issuer.token,
    );
    expect([...codes(direct), direct.body.details?.decisionDocument]).toEqual([
      422,
      'APPLICANT_BANNED',
      '浙市监人〔2026〕45号',
    ]);

    // A certificate issued meanwhile is revoked instead, at the proposal or at the confirmation.
    const other = (await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, admin.token))
      .body as Array<{ id: number; name: string }>;
    const linId = other.find((a) => a.name === '林雪')!.id;
    const pending = await propose(amrRevoker, { applicationId: linId });
    expect(pending.status).toBe(201);
    const lin = await api(
      t,
      'POST',
      '/api/v1/certificates',
      applicantCertificateRequest('林雪', { passedOn: '2026-11-02', approvalDocument: '浙市监人〔2026〕50号' }),
      issuer.token,
    );
    expect(lin.status).toBe(201);
    await t.dataSource.query(
      `UPDATE evaluation_applications SET certificate_no = '${lin.body.certificateNo as string}' WHERE id = ${linId}`,
    );
    expect(codes(await decide(pending.body.id, 'confirmation', hrssRevoker))).toEqual([
      409,
      'APPLICANT_HAS_CERTIFICATE',
    ]);
    await decide(pending.body.id, 'rejection', amrRevoker, { reason: '已取得证书，另行撤销。' });
    expect(codes(await propose(amrRevoker, { applicationId: linId }))).toEqual([409, 'APPLICANT_HAS_CERTIFICATE']);
    // Revoked without a ban (not serious), the certificate no longer stands in the way: else no
    // path would be left to ban the applicant (a revoked certificate cannot be revoked again).
    await t.adminQuery(
      `UPDATE certificates SET status = 'REVOKED' WHERE certificate_no = '${lin.body.certificateNo as string}'`,
    );
    expect((await propose(amrRevoker, { applicationId: linId })).status).toBe(201);
  });

  it('finds a certificate of the level and year issued to the applicant directly, not linked to the application', async () => {
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const direct = await api(
      t,
      'POST',
      '/api/v1/certificates',
      applicantCertificateRequest('陈晓峰', { passedOn: '2026-11-02', approvalDocument: '浙市监人〔2026〕50号' }),
      issuer.token,
    );
    expect(direct.status).toBe(201);
    const refused = await propose(amrRevoker);
    expect([...codes(refused), refused.body.details?.certificateNo]).toEqual([
      409,
      'APPLICANT_HAS_CERTIFICATE',
      direct.body.certificateNo,
    ]);
    // One revoked already (say, issued in error) leaves the applicant to be banned.
    await t.adminQuery(
      `UPDATE certificates SET status = 'REVOKED' WHERE certificate_no = '${direct.body.certificateNo}'`,
    );
    expect((await propose(amrRevoker)).status).toBe(201);
  });

  it('refuses a direct issuance whose holder is banned while it is being planned (the bans are read under the chain locks)', async () => {
    const proposed = await propose(amrRevoker);
    expect(proposed.status).toBe(201);
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    // The confirmation lands after the issuance has planned, just before its transaction: a check
    // made before the transaction would miss it.
    const confirmation = meanwhile(t, () => decide(proposed.body.id as number, 'confirmation', hrssRevoker));
    const direct = await api(
      t,
      'POST',
      '/api/v1/certificates',
      applicantCertificateRequest('陈晓峰', { passedOn: '2026-11-02', approvalDocument: '浙市监人〔2026〕50号' }),
      issuer.token,
    );
    expect(confirmation()?.status).toBe(200);
    expect([...codes(direct), direct.body.details?.decisionDocument]).toEqual([
      422,
      'APPLICANT_BANNED',
      '浙市监人〔2026〕45号',
    ]);
    expect(await t.dataSource.query('SELECT certificate_no FROM certificates')).toEqual([]);
  });

  it('disqualifies the application in its own round (取消当年评审资格) and bars next year’s round before the ban starts', async () => {
    const proposed = await propose(amrRevoker);
    await decide(proposed.body.id as number, 'confirmation', hrssRevoker);
    // Still 2026: the ban starts on 1 January, yet a 2027 round is one of its years.
    expect((await api(t, 'PUT', '/api/v1/calendar/years/2027', CALENDAR_2027, admin.token)).status).toBe(200);
    const nextYear = await applyAgain(2027, ['2026-11-16', '2026-11-20']);
    expect([nextYear.status, nextYear.body.code, nextYear.body.details?.until]).toEqual([
      422,
      'APPLICANT_BANNED',
      '2029-12-31',
    ]);
    // This round's eligibility check finds the application disqualified.
    const closed = await api(
      t,
      'POST',
      `/api/v1/evaluation/rounds/${roundId}/applications-closure`,
      undefined,
      admin.token,
    );
    expect(closed.status).toBe(200);
    await day('2026-12-01');
    const checked = await api(
      t,
      'POST',
      `/api/v1/evaluation/rounds/${roundId}/eligibility-check`,
      undefined,
      admin.token,
    );
    expect(checked.status).toBe(200);
    const applications = (
      await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, admin.token)
    ).body as Array<{ id: number; eligible: boolean; ineligibleReason: string | null }>;
    const banned = applications.find((a) => a.id === applicationId)!;
    expect([banned.eligible, banned.ineligibleReason]).toEqual([false, expect.stringContaining('barred')]);
    expect(applications.filter((a) => a.eligible)).toHaveLength(7);
  });
});

describe('a ban confirmed after the publication withholds the certificate (e2e)', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('issues everyone else; the banned applicant gets none, and the registry shows no contradiction', async () => {
    const round = await proposedAfterPublication();
    const confirmed = await round.confirm();
    expect(confirmed.body.state).toBe('CONFIRMED');

    expect((await round.progress()).body).toMatchObject({ total: 7, done: 0 });
    const issued = await round.issue();
    expect([issued.status, issued.body]).toEqual([
      200,
      expect.objectContaining({ total: 7, created: 7, state: 'CERTIFICATES_ISSUED' }),
    ]);
    const after = await round.applications();
    expect(after.find((a) => a.id === round.applicationId)!.certificateNo).toBeNull();
    expect(after.filter((a) => a.certificateNo !== null)).toHaveLength(7);
    const registry = await api(
      t,
      'GET',
      `/api/v1/registry/certificates?name=${encodeURIComponent('陈晓峰')}&idNumber=${ID_NUMBER}`,
    );
    expect([registry.status, registry.body]).toEqual([200, []]);
  });

  /** A published round, and a proposed ban on 陈晓峰 ready for AMR's confirmation. */
  async function proposedAfterPublication() {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
    const amrAdmin = await officer(t, 'amr-office', 'amr', ['admin', 'issuer', 'revoker']);
    const hrssAdmin = await officer(t, 'hrss-office', 'hrss', ['admin', 'revoker']);
    const roundId = await publishedProfessorRound(t, amrAdmin, hrssAdmin);
    const [amr, hrss] = [(await signIn(t, amrAdmin)).token, (await signIn(t, hrssAdmin)).token];
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, amr))
      .body as Array<{ id: number; name: string }>;
    const applicationId = applications.find((a) => a.name === '陈晓峰')!.id;
    const proposed = await api(
      t,
      'POST',
      '/api/v1/applicant-bans',
      {
        roundId,
        applicationId,
        reasonCategory: 'fabricated-achievements',
        description: '公示后查实申报材料所列科研成果系编造。',
        decisionDocument: '浙市监人〔2026〕60号',
        decisionDate: '2026-12-28',
      },
      hrss,
    );
    expect(proposed.status).toBe(201);
    return {
      roundId,
      applicationId,
      confirm: () => api(t, 'POST', `/api/v1/applicant-bans/${proposed.body.id}/confirmation`, undefined, amr),
      issue: () => api(t, 'POST', `/api/v1/evaluation/rounds/${roundId}/issuance`, undefined, amr),
      progress: () => api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/issuance`, undefined, amr),
      applications: async () =>
        (await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, amr)).body as Array<{
          id: number;
          certificateNo: string | null;
        }>,
    };
  }

  it('leaves out an applicant whose ban is confirmed while the round is being issued', async () => {
    const round = await proposedAfterPublication();
    // The confirmation lands after the run chose its candidates, as its numbers are allocated.
    const confirmed = meanwhile(t, round.confirm);
    const issued = await round.issue();
    expect([confirmed()?.status, confirmed()?.body.state]).toEqual([200, 'CONFIRMED']);
    expect([issued.status, issued.body]).toEqual([
      200,
      expect.objectContaining({ total: 7, created: 7, state: 'CERTIFICATES_ISSUED' }),
    ]);
    const after = await round.applications();
    expect(after.find((a) => a.id === round.applicationId)!.certificateNo).toBeNull();
    const held = await t.dataSource.query(`SELECT certificate_no FROM certificates WHERE id_number = '${ID_NUMBER}'`);
    expect(held).toEqual([]);
    // The rest of the chunk was written with the numbers it had drawn: one unused, not a chunk's worth.
    const numbers = await t.dataSource.query<Array<{ certificate_no: string }>>(
      'SELECT certificate_no FROM certificates',
    );
    expect(
      numbers
        .map((n) => n.certificate_no)
        .sort()
        .pop(),
    ).toBe('ZJZ2026000008');
  });

  it('refuses to confirm a ban once the round issued the applicant a certificate meanwhile', async () => {
    const round = await proposedAfterPublication();
    // The round's issuance lands after the confirmation's checks outside its transaction.
    const issued = meanwhile(t, round.issue);
    const confirmed = await round.confirm();
    expect(issued()?.body).toEqual(expect.objectContaining({ total: 8, created: 8 }));
    const certificateNo = (await round.applications()).find((a) => a.id === round.applicationId)!.certificateNo;
    expect(certificateNo).toMatch(/^ZJZ2026/);
    expect([confirmed.status, confirmed.body.code, confirmed.body.details?.certificateNo]).toEqual([
      409,
      'APPLICANT_HAS_CERTIFICATE',
      certificateNo,
    ]);
  });

  /**
   * PostgreSQL, two transactions truly in flight: the audit chain's lock is held from outside
   * while the confirmation and a chunk of the round queue for it, in the order given; then it is
   * let go and PostgreSQL grants it in that order. Whichever comes second must see the first.
   */
  async function queuedForTheChainLock(first: () => Promise<ApiResponse>, second: () => Promise<ApiResponse>) {
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK]);
      const waiting = async (n: number) => {
        for (let tries = 0; tries < 500; tries++) {
          const { rows } = await holder.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
            [AUDIT_CHAIN_LOCK],
          );
          if (Number(rows[0].n) >= n) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`${n} transactions never queued for the audit chain's lock`);
      };
      const firstReply = first();
      await waiting(1);
      const secondReply = second();
      await waiting(2);
      await holder.query('SELECT pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK]);
      return { first: await firstReply, second: await secondReply };
    } finally {
      await holder.end();
    }
  }

  (TEST_DB === 'postgres' ? it : it.skip)(
    'PostgreSQL: a confirmation queued behind a chunk that issues the applicant is refused',
    async () => {
      const round = await proposedAfterPublication();
      const { first: issued, second: confirmed } = await queuedForTheChainLock(round.issue, round.confirm);
      expect(issued.body).toEqual(expect.objectContaining({ total: 8, created: 8 }));
      expect([confirmed.status, confirmed.body.code]).toEqual([409, 'APPLICANT_HAS_CERTIFICATE']);
    },
  );

  (TEST_DB === 'postgres' ? it : it.skip)(
    'PostgreSQL: a chunk queued behind a confirmation leaves the banned applicant out',
    async () => {
      const round = await proposedAfterPublication();
      const { first: confirmed, second: issued } = await queuedForTheChainLock(round.confirm, round.issue);
      expect([confirmed.status, confirmed.body.state]).toEqual([200, 'CONFIRMED']);
      expect(issued.body).toEqual(expect.objectContaining({ total: 7, created: 7 }));
      const after = await round.applications();
      expect(after.find((a) => a.id === round.applicationId)!.certificateNo).toBeNull();
    },
  );
});
