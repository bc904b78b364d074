import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const TODAY = new Date('2026-11-27T02:00:00Z');

/** The console's 证书 search: by number, or by a holder's name, ID number, or both (full records, officers only). */
describe('officer certificate search by name or ID number (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  let auditor: Officer;
  const zhang1 = makeIdNumber('19800101', 103);
  const zhang2 = makeIdNumber('19850505', 107);
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: TODAY });
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    // Two namesakes 张三, one of them with two certificates (two levels), and 李四.
    const holders: Array<[string, string, string, Record<string, unknown>]> = [
      ['zhang1-professor', '张三', zhang1, {}],
      ['zhang1-senior', '张三', zhang1, { level: 'senior', specialty: 'metrology' }],
      ['zhang2', '张三', zhang2, {}],
      ['li', '李四', makeIdNumber('19900101', 109), {}],
    ];
    for (const [key, name, idNumber, overrides] of holders) {
      const request = issuanceRequest(overrides, { name, idNumber, gender: '男' });
      const issued = await api(t, 'POST', '/api/v1/certificates', request, issuer.token);
      expect(issued.status).toBe(201);
      numbers[key] = issued.body.certificateNo as string;
    }
  });
  afterAll(async () => t.close());

  const search = (query: string, by: Officer = auditor) =>
    api(t, 'GET', `/api/v1/certificates?${query}`, undefined, by.token);
  const found = async (query: string): Promise<string[]> => {
    const response = await search(query);
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ certificateNo: string }>).map((c) => c.certificateNo);
  };
  const codes = (r: ApiResponse) => [r.status, r.body.code, r.body.details?.field];
  const name = encodeURIComponent('张三');

  it('finds every certificate of a name, newest first, with full ID numbers for the officer', async () => {
    expect(await found(`name=${name}`)).toEqual([
      numbers.zhang2,
      numbers['zhang1-senior'],
      numbers['zhang1-professor'],
    ]);
    const response = await search(`name=${name}`);
    expect(response.body.items.map((c: { holder: { idNumber: string } }) => c.holder.idNumber)).toEqual([
      zhang2,
      zhang1,
      zhang1,
    ]);
    // An exact name: no partial matches.
    expect(await found(`name=${encodeURIComponent('张')}`)).toEqual([]);
  });

  it('finds a person by the ID number alone', async () => {
    expect(await found(`idNumber=${zhang1}`)).toEqual([numbers['zhang1-senior'], numbers['zhang1-professor']]);
  });

  it('narrows by name and ID number together', async () => {
    expect(await found(`name=${name}&idNumber=${zhang2}`)).toEqual([numbers.zhang2]);
    expect(await found(`name=${encodeURIComponent('李四')}&idNumber=${zhang2}`)).toEqual([]);
  });

  it('finds by number in any case', async () => {
    expect(await found(`certificateNo=${numbers.li.toLowerCase()}`)).toEqual([numbers.li]);
  });

  it('pages a name with many certificates', async () => {
    const first = await search(`name=${name}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await search(`name=${name}&limit=2&before=${first.body.nextBefore as number}`);
    expect([second.body.items.map((c: { certificateNo: string }) => c.certificateNo), second.body.nextBefore]).toEqual([
      [numbers['zhang1-professor']],
      null,
    ]);
  });

  it.each([
    ['', 'VALIDATION_FAILED', 'certificateNo'],
    [`certificateNo=ZJZ2026000001&name=${encodeURIComponent('张三')}`, 'VALIDATION_FAILED', 'name'],
    ['name=', 'NAME_INVALID', 'name'],
    [`name=${encodeURIComponent('张\u200b三')}`, 'NAME_INVALID', 'name'],
    ['idNumber=', 'ID_NUMBER_INVALID', 'idNumber'],
    [`idNumber=${'1'.repeat(19)}`, 'ID_NUMBER_INVALID', 'idNumber'],
    // A mistyped digit is refused, not answered "no certificate" (which an officer could take for a fact).
    ['idNumber=330102198001011273', 'ID_NUMBER_INVALID', 'idNumber'],
    ['idNumber=abc', 'ID_NUMBER_INVALID', 'idNumber'],
    ['certificateNo=abc', 'CERTIFICATE_NO_INVALID', 'certificateNo'],
    ['certificateNo=ZJZ20260001', 'CERTIFICATE_NO_INVALID', 'certificateNo'],
  ])('refuses "%s" with 400 %s on %s', async (query, code, field) => {
    expect(codes(await search(query))).toEqual([400, code, field]);
  });

  it('reads a number typed with full-width characters, as the registry does', async () => {
    const fullWidth = [...numbers.li].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(await found(`certificateNo=${encodeURIComponent(fullWidth)}`)).toEqual([numbers.li]);
  });

  it('answers officers only', async () => {
    expect((await api(t, 'GET', `/api/v1/certificates?name=${name}`)).status).toBe(401);
  });
});
