import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const EXAMPLE_2027 = JSON.parse(
  readFileSync(join(__dirname, '../../docs/examples/calendar-2027.json'), 'utf8'),
) as Record<string, unknown>;
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
const codes = (r: ApiResponse) => [r.status, r.body.code];

describe('holiday calendar the office extends (e2e)', () => {
  let t: TestApp;
  let admin: Officer;
  let auditor: Officer;

  beforeAll(async () => {
    // Late February 2027: chinese-days 1.5.7 has no 2027, so only an import lets 2027 be counted.
    t = await startTestApp({ now: at('2027-02-22') });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.clock.set(at('2027-02-22'));
    await t.reset();
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
  });

  const putYear = (year: number | string, body: unknown, by = admin) =>
    api(t, 'PUT', `/api/v1/calendar/years/${year}`, body, by.token);
  const years = async () =>
    (await api(t, 'GET', '/api/v1/calendar/years', undefined, auditor.token)).body as Array<{
      year: number;
      source: string;
      documentNumber: string | null;
      overridesPackage: boolean;
    }>;
  const calendarAudit = async () =>
    (
      (await api(t, 'GET', '/api/v1/audit/entries?limit=500', undefined, auditor.token)).body as Array<{
        action: string;
        actor: string;
        authority: string;
        subject: string;
        details: string;
      }>
    ).filter((e) => e.action.startsWith('calendar.'));
  const application = (employerPublicityEnd: string, birth = '1975-05-05') => ({
    name: '周明',
    idNumber: makeIdNumber(birth, 31),
    employer: '浙江省计量科学研究院',
    specialty: 'metrology',
    channel: 'regular',
    quantitativeScore: null,
    pledge: true,
    employerPublicityStart: '2027-02-01',
    employerPublicityEnd,
    departmentReviewed: true,
    intermediateRecommended: false,
  });

  it('counts working days in 2027 only once its schedule is imported, then on the imported holidays', async () => {
    const round = (
      await api(
        t,
        'POST',
        '/api/v1/evaluation/rounds',
        { level: 'professor', year: 2027, meetingDate: '2027-06-18' },
        admin.token,
      )
    ).body.id as number;
    const apply = (end: string, birth?: string) =>
      api(t, 'POST', `/api/v1/evaluation/rounds/${round}/applications`, application(end, birth), admin.token);

    const before = await apply('2027-02-15');
    expect([...codes(before), before.body.details.year]).toEqual([422, 'CALENDAR_YEAR_NOT_COVERED', 2027]);
    expect(before.body.message).toContain('PUT /api/v1/calendar/years/2027');
    expect((await years()).find((y) => y.year === 2027)).toBeUndefined();

    const imported = await putYear(2027, EXAMPLE_2027);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      schedule: {
        year: 2027,
        documentNumber: '国办发明电〔2026〕7号',
        publishedOn: '2026-11-06',
        importedBy: 'amr-office',
      },
      replaced: null,
    });
    expect((await years()).find((y) => y.year === 2027)).toEqual({
      year: 2027,
      source: 'imported',
      overridesPackage: false,
      documentNumber: '国办发明电〔2026〕7号',
      publishedOn: '2026-11-06',
      importedAt: '2027-02-22T02:00:00.000Z',
    });

    // 1–12 Feb has 10 weekdays but 5–13 Feb is the Spring Festival holiday: 4 working days.
    const short = await apply('2027-02-12');
    expect([...codes(short), short.body.details.workingDays]).toEqual([422, 'EMPLOYER_PUBLICITY_TOO_SHORT', 4]);
    expect((await apply('2027-02-15')).status).toBe(201);

    // The results publicity (四.三.6) across National Day 2027, recorded on its first day. The
    // meeting's steps are covered by evaluation.e2e-spec.ts; here the round is moved to MEETING_HELD directly.
    await t.dataSource.query(`UPDATE evaluation_rounds SET state = 'MEETING_HELD' WHERE id = ${round}`);
    t.clock.set(at('2027-09-27'));
    const { accessToken } = (
      await api(t, 'POST', '/api/v1/auth/token', { username: admin.username, password: admin.password })
    ).body as { accessToken: string };
    admin = { ...admin, token: accessToken };
    const publicity = (end: string) =>
      api(t, 'POST', `/api/v1/evaluation/rounds/${round}/results-publicity`, { start: '2027-09-27', end }, admin.token);
    const tooShort = await publicity('2027-10-07');
    expect([...codes(tooShort), tooShort.body.details.workingDays]).toEqual([422, 'PUBLICITY_TOO_SHORT', 4]);
    expect((await publicity('2027-10-08')).body).toMatchObject({
      state: 'RESULTS_PUBLICISED',
      publicityStart: '2027-09-27',
      publicityEnd: '2027-10-08',
    });
  });

  it('a re-import replaces the year, keeps the earlier import and records each in the audit log', async () => {
    expect((await putYear(2027, EXAMPLE_2027)).status).toBe(200);
    const amended = {
      ...EXAMPLE_2027,
      documentNumber: '国办发明电〔2027〕2号',
      publishedOn: '2027-02-10',
      note: null,
      holidays: [...(EXAMPLE_2027.holidays as string[]), '2027-06-10', '2027-06-11'],
      makeUpWorkingDays: [...(EXAMPLE_2027.makeUpWorkingDays as string[]), '2027-06-12'],
    };
    const second = await putYear(2027, amended);
    expect(second.body).toMatchObject({
      schedule: { documentNumber: '国办发明电〔2027〕2号' },
      replaced: { documentNumber: '国办发明电〔2026〕7号' },
    });

    const history = (await api(t, 'GET', '/api/v1/calendar/years/2027', undefined, auditor.token)).body;
    expect([history.source, history.imports.map((i: { documentNumber: string }) => i.documentNumber)]).toEqual([
      'imported',
      ['国办发明电〔2027〕2号', '国办发明电〔2026〕7号'],
    ]);
    expect(history.imports[0].makeUpWorkingDays).toContain('2027-06-12');

    // A correction of a year the package knows wins over the package.
    expect(
      (
        await putYear(2026, {
          year: 2026,
          documentNumber: '国办发明电〔2025〕7号',
          publishedOn: '2025-11-04',
          holidays: ['2026-01-01'],
          makeUpWorkingDays: [],
        })
      ).status,
    ).toBe(200);
    expect((await years()).find((y) => y.year === 2026)).toMatchObject({ source: 'imported', overridesPackage: true });
    expect((await years()).find((y) => y.year === 2025)).toMatchObject({ source: 'package', documentNumber: null });

    const entries = await calendarAudit();
    expect(entries.map((e) => [e.action, e.subject, e.actor, e.authority])).toEqual([
      ['calendar.year.imported', 'calendar-year:2027', 'amr-office', 'amr'],
      ['calendar.year.imported', 'calendar-year:2027', 'amr-office', 'amr'],
      ['calendar.year.imported', 'calendar-year:2026', 'amr-office', 'amr'],
    ]);
    const details = entries.map(
      (e) => JSON.parse(e.details) as { documentNumber: string; holidays: string[]; replaces: unknown },
    );
    expect(details[0]).toMatchObject({ documentNumber: '国办发明电〔2026〕7号', replaces: null });
    expect(details[0].holidays).toHaveLength(29);
    expect(details[1]).toMatchObject({
      documentNumber: '国办发明电〔2027〕2号',
      replaces: { documentNumber: '国办发明电〔2026〕7号' },
    });
    expect(details[2].replaces).toBe('chinese-days');
    expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body.ok).toBe(true);
  });

  it('refuses invalid schedules with a code naming the problem, and stores nothing', async () => {
    const refused = async (year: number | string, body: unknown) => {
      const response = await putYear(year, body);
      return [response.status, response.body.code, response.body.details?.field];
    };
    expect(await refused(2028, EXAMPLE_2027)).toEqual([400, 'CALENDAR_INVALID', 'year']);
    expect(await refused(2027, { ...EXAMPLE_2027, holidays: ['2027-02-29'] })).toEqual([
      400,
      'CALENDAR_DATE_INVALID',
      'holidays[0]',
    ]);
    expect(await refused(2027, { ...EXAMPLE_2027, holidays: ['2026-12-31', '2027-01-01'] })).toEqual([
      400,
      'CALENDAR_DATE_INVALID',
      'holidays[0]',
    ]);
    expect(await refused(2027, { ...EXAMPLE_2027, makeUpWorkingDays: ['2027-02-06'] })).toEqual([
      400,
      'CALENDAR_DATE_CONFLICT',
      'makeUpWorkingDays',
    ]);
    expect(await refused(2027, { ...EXAMPLE_2027, holidays: ['2027-01-01', '2027-01-01'] })).toEqual([
      400,
      'CALENDAR_DATE_DUPLICATE',
      'holidays[1]',
    ]);
    expect(await refused(2027, { ...EXAMPLE_2027, documentNumber: undefined })).toEqual([
      400,
      'CALENDAR_DOCUMENT_NUMBER_INVALID',
      'documentNumber',
    ]);
    expect(await refused(2027, { ...EXAMPLE_2027, source: 'weibo' })).toEqual([400, 'CALENDAR_INVALID', 'source']);
    expect(await refused('20x7', EXAMPLE_2027)).toEqual([400, 'CALENDAR_INVALID', 'year']);
    const several = await putYear(2027, {
      ...EXAMPLE_2027,
      documentNumber: '',
      makeUpWorkingDays: ['2027-02-01', '2027-02-01'],
    });
    expect(several.body.details.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
      'documentNumber CALENDAR_DOCUMENT_NUMBER_INVALID',
      'makeUpWorkingDays[1] CALENDAR_DATE_DUPLICATE',
      'makeUpWorkingDays CALENDAR_DATE_INVALID',
    ]);
    expect(codes(await putYear(2027, '{"year": 2027,'))).toEqual([400, 'BAD_JSON']);
    expect(codes(await putYear(2027, [EXAMPLE_2027]))).toEqual([400, 'VALIDATION_FAILED']);

    expect((await api(t, 'GET', '/api/v1/calendar/years/2027', undefined, auditor.token)).body).toEqual({
      year: 2027,
      source: null,
      imports: [],
    });
    expect(await calendarAudit()).toEqual([]);
  });

  it('lets only an admin import; admins and auditors read', async () => {
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    expect(codes(await putYear(2027, EXAMPLE_2027, auditor))).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(codes(await putYear(2027, EXAMPLE_2027, issuer))).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(codes(await api(t, 'PUT', '/api/v1/calendar/years/2027', EXAMPLE_2027))).toEqual([401, 'AUTH_REQUIRED']);
    expect(codes(await api(t, 'GET', '/api/v1/calendar/years', undefined, issuer.token))).toEqual([
      403,
      'FORBIDDEN_ROLE',
    ]);
    expect((await api(t, 'GET', '/api/v1/calendar/years', undefined, admin.token)).status).toBe(200);
    expect((await years()).find((y) => y.year === 2027)).toBeUndefined();

    const paths = Object.keys((await api(t, 'GET', '/docs-json')).body.paths as Record<string, unknown>);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/calendar/years', '/api/v1/calendar/years/{year}']));
  });
});
