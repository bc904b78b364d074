import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { AuditService } from '../../src/audit/audit.service';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { IssueCertificateDto } from '../../src/certificates/dto/issue-certificate.dto';
import type { AppError } from '../../src/common/app-error';
import * as claimsBuilder from '../../src/certificates/credential-claims.builder';

describe('issuing certificates (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
  });

  it('issues a certificate signed by both authorities, and it verifies VALID', async () => {
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    expect(issued.status).toBe(201);
    expect(issued.body.certificateNo).toBe('ZJZ2026000001');
    expect(issued.body.holder).toEqual({
      name: '张三',
      gender: '男',
      idNumberMasked: '330***********1272',
      employer: '浙江省计量科学研究院',
    });
    expect(JSON.stringify(issued.body)).not.toContain('330102198001011272');
    const { credential } = issued.body;
    expect(Object.keys(credential).sort()).toEqual(['payload', 'signatures']);
    expect(credential.signatures).toHaveLength(2);

    const verified = await api(t, 'POST', '/api/v1/verifications', { credential });
    expect(verified.status).toBe(200);
    expect(verified.body.verdict).toBe('VALID');
    expect(verified.body.reasons).toEqual([]);
    expect(verified.body.signatures.map((s: { authority: string; valid: boolean }) => [s.authority, s.valid])).toEqual([
      ['amr', true],
      ['hrss', true],
    ]);
    expect(verified.body.certificate).toMatchObject({
      certificateNo: 'ZJZ2026000001',
      holderName: '张三',
      levelName: '正高级工程师',
      specialtyName: '计量',
      idNumberMasked: '330***********1272',
    });
    expect(verified.body.checkedAt).toBe('2026-11-27T02:00:00.000Z');

    const asString = await api(t, 'POST', '/api/v1/verifications', { credential: JSON.stringify(credential) });
    expect(asString.body.verdict).toBe('VALID');
  });

  it('numbers certificates per level and year', async () => {
    const first = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ level: 'senior', specialty: 'quality' }),
      issuer.token,
    );
    const second = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest(
        { level: 'senior', specialty: 'quality' },
        { idNumber: makeIdNumber('1985-03-04', 123), gender: '男' },
      ),
      issuer.token,
    );
    const third = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ evaluationYear: 2025, passedOn: '2025-12-01', approvalDocument: '浙市监人〔2025〕30号' }),
      issuer.token,
    );
    expect([first.body.certificateNo, second.body.certificateNo, third.body.certificateNo]).toEqual([
      'ZJG2026000001',
      'ZJG2026000002',
      'ZJZ2025000001',
    ]);
  });

  it('answers an identical retry with 200 and the same certificate, and different facts with 409', async () => {
    const first = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    const retry = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const changed = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { employer: '浙江大学' }),
      issuer.token,
    );
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('CERTIFICATE_CONFLICT');
  });

  it('gives distinct numbers to parallel issuances, and one certificate to parallel retries', async () => {
    const requests = Array.from({ length: 16 }, (_, i) =>
      issuanceRequest({}, { idNumber: makeIdNumber('1975-06-15', 2 * i + 1) }),
    );
    const responses = await Promise.all(
      requests.map((body) => api(t, 'POST', '/api/v1/certificates', body, issuer.token)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(16).fill(201));
    const numbers = responses.map((r) => r.body.certificateNo as string).sort();
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => `ZJZ2026${String(i + 1).padStart(6, '0')}`));

    const same = await Promise.all(
      Array.from({ length: 6 }, () =>
        api(
          t,
          'POST',
          '/api/v1/certificates',
          issuanceRequest({}, { idNumber: makeIdNumber('1970-01-01', 9) }),
          issuer.token,
        ),
      ),
    );
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(same.filter((r) => r.status === 200)).toHaveLength(5);
    expect(new Set(same.map((r) => r.body.certificateNo)).size).toBe(1);
  });

  it('answers a burst written as one group request by request: numbers per level, replays, conflicts', async () => {
    const certificates = t.app.get(CertificatesService);
    const actor = { actor: 'amr-issuer', authority: 'amr' as const };
    const request = (overrides: Record<string, unknown>, holder: Record<string, unknown>) =>
      issuanceRequest(overrides, holder) as unknown as IssueCertificateDto;
    const earlier = request({}, { idNumber: makeIdNumber('1969-02-02', 11) });
    await certificates.issue(earlier, actor);
    const senior = { level: 'senior', specialty: 'quality' };
    const twiceSame = request({}, { idNumber: makeIdNumber('1971-03-03', 13) });
    const burst = [
      ...Array.from({ length: 5 }, (_, i) => request({}, { idNumber: makeIdNumber('1975-06-15', 2 * i + 1) })),
      ...Array.from({ length: 3 }, (_, i) => request(senior, { idNumber: makeIdNumber('1976-07-16', 2 * i + 1) })),
      earlier,
      request({}, { idNumber: makeIdNumber('1969-02-02', 11), employer: '浙江大学' }),
      twiceSame,
      twiceSame,
      request({}, { idNumber: makeIdNumber('1972-04-04', 15) }),
      request({}, { idNumber: makeIdNumber('1972-04-04', 15), employer: '浙江大学' }),
    ];
    // Called in one moment, so GroupCommit writes them as one group (api() would spread them out).
    const settled = await Promise.allSettled(burst.map((body) => certificates.issue(body, actor)));
    const answer = (k: number) => {
      const s = settled[k];
      return s.status === 'fulfilled'
        ? { created: s.value.created, no: s.value.certificate.certificateNo }
        : { code: (s.reason as AppError).code };
    };
    expect(Array.from({ length: 8 }, (_, k) => answer(k))).toEqual([
      ...['000002', '000003', '000004', '000005', '000006'].map((n) => ({ created: true, no: `ZJZ2026${n}` })),
      ...['000001', '000002', '000003'].map((n) => ({ created: true, no: `ZJG2026${n}` })),
    ]);
    expect(answer(8)).toEqual({ created: false, no: 'ZJZ2026000001' });
    expect(answer(9)).toEqual({ code: 'CERTIFICATE_CONFLICT' });
    expect([answer(10), answer(11)]).toEqual([
      { created: true, no: 'ZJZ2026000007' },
      { created: false, no: 'ZJZ2026000007' },
    ]);
    expect([answer(12), answer(13)]).toEqual([
      { created: true, no: 'ZJZ2026000008' },
      { code: 'CERTIFICATE_CONFLICT' },
    ]);

    // One audit entry and one log leaf each, the chain intact, and every certificate VALID.
    await expect(t.app.get(AuditService).verify()).resolves.toMatchObject({ ok: true });
    const logged = await t.dataSource.query<Array<{ certificate_no: string; n: number | string }>>(
      "SELECT certificate_no, COUNT(*) AS n FROM transparency_log_entries WHERE kind = 'issuance' GROUP BY certificate_no",
    );
    const audited = await t.dataSource.query<Array<{ subject: string }>>(
      "SELECT subject FROM audit_log WHERE action = 'certificate.issued'",
    );
    expect(logged).toHaveLength(11);
    expect(logged.every((row) => Number(row.n) === 1)).toBe(true);
    expect(audited.map((row) => row.subject).sort()).toEqual(logged.map((row) => row.certificate_no).sort());
    for (const s of settled) {
      if (s.status !== 'fulfilled') continue;
      const { credential } = s.value.certificate;
      const verified = await api(t, 'POST', '/api/v1/verifications', { credential });
      expect(verified.body.verdict).toBe('VALID');
    }
  });

  it('draws status-list indices around those already held, however many draws meet them', async () => {
    // A registry fills the status list over the years; draws then meet held indices often. Here
    // the first 60 draws all meet one of ten held indices: more than a group of eight could
    // retry through (it drew eight a try, five tries), so each draw must be checked before the write.
    const held: number[] = [];
    for (let i = 0; i < 10; i++) {
      const body = issuanceRequest({}, { idNumber: makeIdNumber('1966-01-01', 2 * i + 1) });
      const issued = await api(t, 'POST', '/api/v1/certificates', body, issuer.token);
      const record = await t.app.get(CertificatesService).getByNumber(issued.body.certificateNo);
      held.push(record.statusIndex as number);
    }
    let draws = 0;
    const real = claimsBuilder.randomStatusIndex;
    const drawn = jest
      .spyOn(claimsBuilder, 'randomStatusIndex')
      .mockImplementation(() => (draws++ < 60 ? held[draws % held.length] : real()));
    try {
      const certificates = t.app.get(CertificatesService);
      const actor = { actor: 'amr-issuer', authority: 'amr' as const };
      // Called in one moment, so GroupCommit writes them as one group.
      const issued = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          certificates.issue(
            issuanceRequest({}, { idNumber: makeIdNumber('1977-07-07', 2 * i + 1) }) as unknown as IssueCertificateDto,
            actor,
          ),
        ),
      );
      expect(draws).toBeGreaterThan(60);
      const indices = issued.map((r) => r.certificate.statusIndex as number);
      expect(new Set(indices).size).toBe(8);
      expect(indices.filter((index) => held.includes(index))).toEqual([]);
      const over = await api(
        t,
        'POST',
        '/api/v1/certificates',
        issuanceRequest({}, { idNumber: makeIdNumber('1977-07-07', 99) }),
        issuer.token,
      );
      expect(over.status).toBe(201);
    } finally {
      drawn.mockRestore();
    }
  });

  it('shows the office the full record, with the full ID number', async () => {
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    const record = await api(t, 'GET', `/api/v1/certificates/${issued.body.certificateNo}`, undefined, issuer.token);
    expect(record.status).toBe(200);
    expect(record.body.holder.idNumber).toBe('330102198001011272');
    expect((await api(t, 'GET', '/api/v1/certificates/ZJZ2026999999', undefined, issuer.token)).body.code).toBe(
      'CERTIFICATE_NOT_FOUND',
    );
    expect((await api(t, 'GET', '/api/v1/certificates/nope', undefined, issuer.token)).body.code).toBe(
      'CERTIFICATE_NO_INVALID',
    );
  });

  describe('refuses invalid requests, each with its own code', () => {
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
      ['bad ID checksum', {}, { idNumber: '330102198001011273' }, 'ID_NUMBER_INVALID'],
      ['ID of 17 characters', {}, { idNumber: '33010219800101127' }, 'ID_NUMBER_INVALID'],
      ['ID with an impossible birth date', {}, { idNumber: makeIdNumber('1980-02-30', 127) }, 'ID_NUMBER_INVALID'],
      ['ID born in the future', {}, { idNumber: makeIdNumber('2027-01-01', 127) }, 'ID_NUMBER_INVALID'],
      ['gender not matching the ID', {}, { gender: '女' }, 'GENDER_MISMATCH'],
      ['gender not 男/女', {}, { gender: 'M' }, 'GENDER_INVALID'],
      ['name with a control character', {}, { name: '张\u0007三' }, 'NAME_INVALID'],
      ['name too long', {}, { name: '张'.repeat(41) }, 'NAME_INVALID'],
      ['name with surrounding spaces', {}, { name: ' 张三' }, 'NAME_INVALID'],
      ['name of the wrong type', {}, { name: 42 }, 'NAME_INVALID'],
      ['employer with a newline', {}, { employer: '浙江省\n计量院' }, 'EMPLOYER_INVALID'],
      [
        'special equipment for senior',
        { level: 'senior', specialty: 'special-equipment' },
        {},
        'SPECIALTY_NOT_ALLOWED_FOR_LEVEL',
      ],
      ['unknown level', { level: 'junior' }, {}, 'LEVEL_INVALID'],
      ['unknown specialty', { specialty: 'law' }, {}, 'SPECIALTY_INVALID'],
      ['passed date not real', { passedOn: '2026-02-30' }, {}, 'DATE_INVALID'],
      ['passed date malformed', { passedOn: '20261120' }, {}, 'DATE_INVALID'],
      ['passed date in the future', { passedOn: '2026-11-28' }, {}, 'DATE_IN_FUTURE'],
      ['passed date far from the evaluation year', { passedOn: '2024-11-20' }, {}, 'DATE_INVALID'],
      ['evaluation year in the future', { evaluationYear: 2027 }, {}, 'EVALUATION_YEAR_INVALID'],
      ['evaluation year as a string', { evaluationYear: '2026' }, {}, 'EVALUATION_YEAR_INVALID'],
      ['approval document malformed', { approvalDocument: '12号' }, {}, 'APPROVAL_DOCUMENT_INVALID'],
      ['name starting with a combining mark', {}, { name: '\u0301张三' }, 'NAME_INVALID'],
      ['name with a stack of combining marks', {}, { name: 'Z\u0335\u0336\u0337oe' }, 'NAME_INVALID'],
      ['name with three marks, one composable', {}, { name: 'Za\u0301\u0302\u0303' }, 'NAME_INVALID'],
      [
        'approval document of a later year',
        { approvalDocument: '浙人社〔2099〕12号' },
        {},
        'APPROVAL_DOCUMENT_INVALID',
      ],
      [
        'approval document before the evaluation',
        { approvalDocument: '浙人社〔2001〕12号' },
        {},
        'APPROVAL_DOCUMENT_INVALID',
      ],
      ['unknown top-level field', { extra: 1 }, {}, 'UNKNOWN_FIELD'],
      ['unknown holder field', {}, { nickname: 'x' }, 'UNKNOWN_FIELD'],
    ];
    it.each(cases)('%s', async (_label, overrides, holder, expectedCode) => {
      const response = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(overrides, holder), issuer.token);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(expectedCode);
      expect(typeof response.body.message).toBe('string');
    });

    it('a missing holder', async () => {
      const body = issuanceRequest();
      delete body.holder;
      const response = await api(t, 'POST', '/api/v1/certificates', body, issuer.token);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  it('accepts the boundary: passed today, a name of one character with a middle dot name', async () => {
    const today = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ passedOn: '2026-11-27' }, { name: '买买提·艾力' }),
      issuer.token,
    );
    expect(today.status).toBe(201);
  });

  it.each([
    ['a Vietnamese name sent decomposed', 'Nguye\u0302\u0303n Va\u0306n An'],
    ['initials and a hyphen', 'Mary-Jane O. Smith'],
    ['one character', '张'],
  ])('accepts a name of %s', async (_label, name) => {
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { name }), issuer.token);
    expect([issued.status, issued.body.code]).toEqual([201, undefined]);
  });

  it('requires a signed-in issuer', async () => {
    expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest())).body.code).toBe('AUTH_REQUIRED');
    expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), 'not-a-token')).status).toBe(401);
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const forbidden = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), auditor.token);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('rejects an expired access token', async () => {
    t.clock.set(new Date('2026-11-27T02:16:00Z'));
    try {
      const response = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
      expect([response.status, response.body.code]).toEqual([401, 'AUTH_TOKEN_INVALID']);
    } finally {
      t.clock.set(new Date('2026-11-27T02:00:00Z'));
    }
  });
});
