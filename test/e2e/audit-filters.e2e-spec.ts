import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const TODAY = new Date('2026-11-27T02:00:00Z');
/** 00:30 on 2026-11-21 in Beijing, still the 20th in UTC: a day boundary the filter must draw in China time. */
const JUST_AFTER_MIDNIGHT = new Date('2026-11-20T16:30:00Z');
/** 23:59:59 on 2026-11-21 in Beijing. */
const JUST_BEFORE_MIDNIGHT = new Date('2026-11-21T15:59:59Z');

interface Entry {
  seq: number;
  action: string;
  actor: string;
  authority: string | null;
  subject: string | null;
}

/** GET /api/v1/audit/entries with filters: each narrows the log, bad values are 400s with stable codes. */
describe('audit log filters (e2e)', () => {
  let t: TestApp;
  let auditor: Officer;
  let early: string;
  let late: string;

  const signIn = async (o: Officer): Promise<Officer> => {
    const response = await api(t, 'POST', '/api/v1/auth/token', { username: o.username, password: o.password });
    return { ...o, token: response.body.accessToken as string };
  };
  const issue = async (issuer: Officer, sequence: number): Promise<string> => {
    const holder = { name: '王五', gender: '男', idNumber: makeIdNumber('19800101', sequence) };
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, holder), issuer.token);
    expect(issued.status).toBe(201);
    return issued.body.certificateNo as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: TODAY });
    t.clock.set(JUST_AFTER_MIDNIGHT);
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const amrRevoker = await officer(t, 'amr-revoker', 'amr', ['revoker']);
    const hrssRevoker = await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
    early = await issue(issuer, 103);
    t.clock.set(JUST_BEFORE_MIDNIGHT);
    late = await issue(await signIn(issuer), 105);
    t.clock.set(TODAY);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const proposal = {
      certificateNo: early,
      reasonCategory: 'falsified-materials',
      description: '申报材料中的业绩证明系伪造。',
      decisionDocument: '浙市监人〔2026〕40号',
      decisionDate: '2026-11-26',
      effectiveDate: '2026-11-26',
      serious: false,
    };
    const proposed = await api(t, 'POST', '/api/v1/revocations', proposal, (await signIn(amrRevoker)).token);
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as number;
    const confirmed = await api(
      t,
      'POST',
      `/api/v1/revocations/${id}/confirmation`,
      undefined,
      (await signIn(hrssRevoker)).token,
    );
    expect(confirmed.status).toBe(200);
  });
  afterAll(async () => t.close());

  const entries = async (query: string): Promise<Entry[]> => {
    const response = await api(t, 'GET', `/api/v1/audit/entries?${query}`, undefined, auditor.token);
    expect(response.status).toBe(200);
    return response.body as Entry[];
  };
  const actions = async (query: string) => (await entries(query)).map((e) => `${e.action} ${e.subject ?? ''}`.trim());
  const refusal = async (query: string) => {
    const response: ApiResponse = await api(t, 'GET', `/api/v1/audit/entries?${query}`, undefined, auditor.token);
    return [response.status, response.body.code, response.body.details?.field];
  };

  it('lists everything, oldest first, without filters', async () => {
    expect(await actions('')).toEqual([
      'officer.added amr-issuer',
      'officer.added amr-revoker',
      'officer.added hrss-revoker',
      `certificate.issued ${early}`,
      `certificate.issued ${late}`,
      'officer.added hrss-auditor',
      `revocation.proposed ${early}`,
      `revocation.confirmed ${early}`,
    ]);
  });

  it('filters by an action, or by its leading words (whole words only)', async () => {
    expect(await actions('action=certificate.issued')).toEqual([
      `certificate.issued ${early}`,
      `certificate.issued ${late}`,
    ]);
    expect(await actions('action=revocation')).toEqual([
      `revocation.proposed ${early}`,
      `revocation.confirmed ${early}`,
    ]);
    expect(await actions('action=revocation.confirmed')).toEqual([`revocation.confirmed ${early}`]);
    expect(await actions('action=revo')).toEqual([]);
    // `_` is a LIKE wildcard: it must match itself only.
    expect(await actions('action=officer_added')).toEqual([]);
  });

  it('filters by actor and by authority', async () => {
    expect(await actions('actor=hrss-revoker')).toEqual([`revocation.confirmed ${early}`]);
    expect(await actions('actor=test')).toHaveLength(4);
    expect(await actions('authority=amr')).toEqual([
      `certificate.issued ${early}`,
      `certificate.issued ${late}`,
      `revocation.proposed ${early}`,
    ]);
    expect(await actions('authority=hrss')).toEqual([`revocation.confirmed ${early}`]);
  });

  it('filters by subject, e.g. everything done to one certificate', async () => {
    expect(await actions(`subject=${early}`)).toEqual([
      `certificate.issued ${early}`,
      `revocation.proposed ${early}`,
      `revocation.confirmed ${early}`,
    ]);
    expect(await actions('subject=ZJZ2026999999')).toEqual([]);
  });

  it('filters by days in China time, both ends inclusive', async () => {
    // 16:30 UTC on the 20th is already the 21st in Beijing.
    expect(await actions('to=2026-11-20')).toEqual([]);
    expect(await actions('from=2026-11-21&to=2026-11-21')).toHaveLength(5);
    expect(await actions('from=2026-11-22')).toEqual([
      'officer.added hrss-auditor',
      `revocation.proposed ${early}`,
      `revocation.confirmed ${early}`,
    ]);
    expect(await actions('from=2026-11-27&to=2026-11-27&action=certificate')).toEqual([]);
  });

  it('combines filters and pages them with after and limit', async () => {
    const first = await entries('action=officer.added&limit=2');
    expect(first.map((e) => e.subject)).toEqual(['amr-issuer', 'amr-revoker']);
    const second = await entries(`action=officer.added&limit=2&after=${first[1].seq}`);
    expect(second.map((e) => e.subject)).toEqual(['hrss-revoker', 'hrss-auditor']);
    expect(await entries(`action=officer.added&limit=2&after=${second[1].seq}`)).toEqual([]);
    expect(await actions(`authority=amr&subject=${late}`)).toEqual([`certificate.issued ${late}`]);
  });

  it.each([
    ['action=Revocation', 'VALIDATION_FAILED', 'action'],
    ['action=revocation.', 'VALIDATION_FAILED', 'action'],
    [`action=${'a'.repeat(49)}`, 'VALIDATION_FAILED', 'action'],
    ['action=a&action=b', 'VALIDATION_FAILED', 'action'],
    ['authority=moe', 'VALIDATION_FAILED', 'authority'],
    [`actor=${'a'.repeat(65)}`, 'VALIDATION_FAILED', 'actor'],
    ['actor=amr%E2%80%8Brevoker', 'VALIDATION_FAILED', 'actor'],
    [`subject=${'Z'.repeat(65)}`, 'VALIDATION_FAILED', 'subject'],
    ['from=27.11.2026', 'DATE_INVALID', 'from'],
    ['from=2026-02-30', 'DATE_INVALID', 'from'],
    ['to=2026-13-01', 'DATE_INVALID', 'to'],
    ['from=2026-11-27&to=2026-11-21', 'DATE_INVALID', 'to'],
    ['after=-1', 'VALIDATION_FAILED', 'after'],
    ['limit=1001', 'VALIDATION_FAILED', 'limit'],
    ['limit=1e2', 'VALIDATION_FAILED', 'limit'],
    ['sort=seq', 'UNKNOWN_FIELD', 'sort'],
  ])('refuses %s with 400 %s on %s', async (query, code, field) => {
    expect(await refusal(query)).toEqual([400, code, field]);
  });

  it('names the range of a sequence number past the largest', async () => {
    const response: ApiResponse = await api(
      t,
      'GET',
      '/api/v1/audit/entries?after=99999999999999',
      undefined,
      auditor.token,
    );
    expect([response.status, response.body.code, response.body.message]).toEqual([
      400,
      'VALIDATION_FAILED',
      expect.stringContaining('from 0 to 2147483647'),
    ]);
  });

  it('is for auditors only', async () => {
    const issuer = await signIn({ username: 'amr-issuer', password: 'pw-amr-issuer-correct-horse', token: '' });
    const response = await api(t, 'GET', '/api/v1/audit/entries?action=revocation', undefined, issuer.token);
    expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });
});
