import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const TODAY = new Date('2026-11-27T02:00:00Z');
const NAMES = ['张三', '李四', '王五'];

/** The office console's lists: cases by status, certificate search and history, rounds. */
describe('office lists (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  let amrRevoker: Officer;
  let hrssRevoker: Officer;
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
    hrssRevoker = await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
  });

  const get = (path: string, by: Officer = auditor) => api(t, 'GET', path, undefined, by.token);
  const codes = (r: ApiResponse) => [r.status, r.body.code];
  const relogin = async (o: Officer): Promise<Officer> => {
    const response = await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password });
    return { ...o, token: response.body.accessToken as string };
  };

  /** Issues certificates on 2026-11-21 to holders 1..n (n ≤ 3) of NAMES; returns their numbers. */
  async function issueMany(n: number): Promise<string[]> {
    t.clock.set(new Date('2026-11-21T02:00:00Z'));
    const numbers: string[] = [];
    for (let i = 1; i <= n; i++) {
      const idNumber = makeIdNumber('19800101', 100 + 2 * i + 1);
      const request = issuanceRequest({}, { name: NAMES[i - 1], idNumber, gender: '男' });
      const issued = await api(t, 'POST', '/api/v1/certificates', request, issuer.token);
      expect(issued.status).toBe(201);
      numbers.push(issued.body.certificateNo as string);
    }
    t.clock.set(TODAY);
    return numbers;
  }
  const revocation = (certificateNo: string, effectiveDate = '2026-11-26') => ({
    certificateNo,
    reasonCategory: 'falsified-materials',
    description: '申报材料中的业绩证明系伪造。',
    decisionDocument: '浙市监人〔2026〕40号',
    decisionDate: effectiveDate,
    effectiveDate,
    serious: false,
  });
  const propose = async (certificateNo: string): Promise<number> => {
    const proposed = await api(t, 'POST', '/api/v1/revocations', revocation(certificateNo), amrRevoker.token);
    expect(proposed.status).toBe(201);
    return proposed.body.id as number;
  };
  const decide = (kind: string, id: number, step: 'confirmation' | 'rejection', by = hrssRevoker) =>
    api(
      t,
      'POST',
      `/api/v1/${kind}/${id}/${step}`,
      step === 'rejection' ? { reason: '证据不足。' } : undefined,
      by.token,
    );

  it('lists revocations by status, newest first, with holder, proposer and decision', async () => {
    const [a, b, c] = await issueMany(3);
    const confirmed = await propose(a);
    expect((await decide('revocations', confirmed, 'confirmation')).status).toBe(200);
    const rejected = await propose(b);
    expect((await decide('revocations', rejected, 'rejection')).status).toBe(200);
    const pending = await propose(c);

    const all = await get('/api/v1/revocations');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: number }) => i.id)).toEqual([pending, rejected, confirmed]);
    expect(all.body.nextBefore).toBeNull();
    expect(all.body.items[2]).toEqual({
      id: confirmed,
      certificateNo: a,
      holderName: '张三',
      proposedBy: 'amr-revoker',
      proposedAuthority: 'amr',
      proposedAt: TODAY.toISOString(),
      status: 'confirmed',
      decisionDocument: '浙市监人〔2026〕40号',
      effectiveDate: '2026-11-26',
      decidedBy: 'hrss-revoker',
      decidedAuthority: 'hrss',
      decidedAt: TODAY.toISOString(),
    });
    expect(all.body.items[0]).toMatchObject({
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      holderName: '王五',
    });
    const only = async (status: string) =>
      (await get(`/api/v1/revocations?status=${status}`)).body.items.map((i: { id: number }) => i.id) as number[];
    expect([await only('pending'), await only('confirmed'), await only('rejected')]).toEqual([
      [pending],
      [confirmed],
      [rejected],
    ]);
    expect(codes(await get('/api/v1/revocations?status=PROPOSED'))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('pages with limit and before, and refuses a limit above 100', async () => {
    const numbers = await issueMany(3);
    const ids: number[] = [];
    for (const no of numbers)
      ids.push(await propose(no).then(async (id) => (await decide('revocations', id, 'rejection'), id)));
    const first = await get('/api/v1/revocations?limit=2');
    expect(first.body.items.map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextBefore).toBe(ids[1]);
    const second = await get(`/api/v1/revocations?limit=2&before=${first.body.nextBefore as number}`);
    expect([second.body.items.map((i: { id: number }) => i.id), second.body.nextBefore]).toEqual([[ids[0]], null]);
    expect(codes(await get('/api/v1/revocations?limit=101'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await get('/api/v1/revocations?limit=1e1'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await get('/api/v1/revocations?before=abc'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await get('/api/v1/revocations?sort=id'))).toEqual([400, 'UNKNOWN_FIELD']);
  });

  it('lists reinstatements and shows a certificate’s history with dates and decision documents', async () => {
    const [no] = await issueMany(1);
    const revoked = await propose(no);
    await decide('revocations', revoked, 'confirmation');
    t.clock.set(new Date('2027-03-10T02:00:00Z'));
    // Access tokens live 15 minutes: sign in again after the jump.
    [issuer, amrRevoker, hrssRevoker, auditor] = await Promise.all(
      [issuer, amrRevoker, hrssRevoker, auditor].map(relogin),
    );
    const reinstatement = await api(
      t,
      'POST',
      '/api/v1/reinstatements',
      {
        certificateNo: no,
        description: '复审认定证据不实。',
        decisionDocument: '浙人社〔2027〕8号',
        decisionDate: '2027-03-09',
        effectiveDate: '2027-03-09',
      },
      hrssRevoker.token,
    );
    expect(reinstatement.status).toBe(201);
    expect((await decide('reinstatements', reinstatement.body.id as number, 'confirmation', amrRevoker)).status).toBe(
      200,
    );

    const list = await get('/api/v1/reinstatements?status=confirmed');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: reinstatement.body.id,
        certificateNo: no,
        proposedBy: 'hrss-revoker',
        decidedBy: 'amr-revoker',
      }),
    ]);
    expect((await get('/api/v1/reinstatements?status=pending')).body.items).toEqual([]);

    const history = await get(`/api/v1/certificates/${no}/history`, issuer);
    expect(history.status).toBe(200);
    expect(history.body).toEqual({
      certificateNo: no,
      status: 'VALID',
      entries: [
        expect.objectContaining({
          event: 'ISSUED',
          effectiveDate: '2026-11-21',
          document: '浙市监人〔2026〕12号',
          caseId: null,
        }),
        expect.objectContaining({
          event: 'REVOKED',
          status: 'REVOKED',
          effectiveDate: '2026-11-26',
          document: '浙市监人〔2026〕40号',
          caseId: revoked,
        }),
        expect.objectContaining({
          event: 'REINSTATED',
          status: 'VALID',
          effectiveDate: '2027-03-09',
          document: '浙人社〔2027〕8号',
          decisionDate: '2027-03-09',
        }),
      ],
    });
    expect(codes(await get('/api/v1/certificates/ZJZ2026999999/history'))).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
  });

  it('searches certificates by number or by name and ID number', async () => {
    const [first, second] = await issueMany(2);
    const byNumber = await get(`/api/v1/certificates?certificateNo=${second}`, issuer);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.items.map((c: { certificateNo: string }) => c.certificateNo)).toEqual([second]);
    expect(byNumber.body.items[0].holder.idNumber).toBe(makeIdNumber('19800101', 105));
    const idNumber = makeIdNumber('19800101', 103);
    const byHolder = await get(
      `/api/v1/certificates?name=${encodeURIComponent('张三')}&idNumber=${idNumber}`,
      amrRevoker,
    );
    expect(byHolder.body).toEqual({ items: [expect.objectContaining({ certificateNo: first })], nextBefore: null });
    const wrongId = await get(`/api/v1/certificates?name=${encodeURIComponent('李四')}&idNumber=${idNumber}`);
    expect(wrongId.body.items).toEqual([]);
    expect(codes(await get('/api/v1/certificates'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codes(await get(`/api/v1/certificates?certificateNo=${first}&idNumber=${idNumber}`))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    // The existing single-record route still answers beside the search.
    expect((await get(`/api/v1/certificates/${first}`)).body.certificateNo).toBe(first);
  });

  it('lists evaluation rounds and applicant bans; refuses officers without a reading role', async () => {
    const admin = await officer(t, 'amr-office', 'amr', ['admin']);
    const created = await api(
      t,
      'POST',
      '/api/v1/evaluation/rounds',
      { level: 'professor', year: 2027, meetingDate: '2027-12-17' },
      admin.token,
    );
    expect(created.status).toBe(201);
    const rounds = await get('/api/v1/evaluation/rounds', issuer);
    expect(rounds.body).toEqual({
      items: [{ id: created.body.id, level: 'professor', year: 2027, state: 'OPEN', meetingDate: '2027-12-17' }],
      nextBefore: null,
    });
    expect((await get('/api/v1/applicant-bans?status=pending')).body).toEqual({ items: [], nextBefore: null });
    expect(codes(await get('/api/v1/revocations', issuer))).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(codes(await get('/api/v1/evaluation/rounds', amrRevoker))).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await api(t, 'GET', '/api/v1/revocations')).status).toBe(401);
  });
});
