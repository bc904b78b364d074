import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const codes = (r: ApiResponse) => [r.status, r.body.code];
const POOL_HEADER = '编号,姓名,工作单位,单位类型,专业,职称,取得职称日期,业绩突出,主任委员库,副主任委员库';
const APPLICATION_HEADER =
  '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐';

/** A senior pool of `eligible` members eligible on 2026-11-02 (plus two who are not), 3 chair and 4 vice-chair candidates. */
function seniorPool(eligible: number): string {
  const specialties = ['质量', '计量', '标准化'];
  const rows = Array.from(
    { length: eligible },
    (_, i) =>
      `G${100 + i},专家${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i},浙江大学,${i % 4 === 0 ? '外部' : '内部'},${specialties[i % 3]},${i % 5 === 0 ? '副高' : '正高'},2015-03-0${1 + (i % 9)},否,${i < 3 ? '是' : '否'},${i >= 3 && i < 7 ? '是' : '否'}`,
  );
  rows.push(
    'G900,新晋专家,浙江大学,外部,质量,正高,2024-01-01,否,否,否',
    'G901,资历不足,浙江大学,外部,计量,副高,2022-01-01,否,否,否',
  );
  return [POOL_HEADER, ...rows].join('\n');
}

describe('evaluation rules at their boundaries (e2e)', () => {
  let t: TestApp;
  let admin: Officer;
  let auditor: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
    auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
  });

  const post = (path: string, body?: unknown, by = admin) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token);
  const csv = (path: string, text: string | Buffer, by = admin) =>
    fetch(`${t.baseUrl}/api/v1/evaluation${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${by.token}` },
      body: text,
    }).then(async (r): Promise<ApiResponse> => ({
      status: r.status,
      headers: r.headers,
      body: JSON.parse(await r.text()),
    }));

  it('senior round: the score threshold, the intermediate recommendation, bans at filing and at the eligibility check, and a pool of 49 vs 50', async () => {
    expect(codes(await post('/rounds', { level: 'senior', year: 2026, meetingDate: '2026-12-18' }))).toEqual([
      400,
      'SCORE_THRESHOLD_INVALID',
    ]);
    const round = (
      await post('/rounds', { level: 'senior', year: 2026, meetingDate: '2026-12-18', scoreThreshold: 80 })
    ).body.id as number;
    const banned = makeIdNumber('1984-04-04', 17);
    await t.dataSource.query(
      `INSERT INTO bans (id_number, from_date, until_date, decision_document, case_id, created_at) VALUES ('${banned}', '2026-01-01', '2028-12-31', '浙市监人〔2025〕9号', 1, '2025-12-01T00:00:00.000Z')`,
    );
    const rows = [
      `钱伟,${makeIdNumber('1985-02-14', 13)},浙江省计量科学研究院,计量,常规,79.5,是,2026-10-12,2026-10-16,是,是`,
      `冯娟,${makeIdNumber('1987-08-08', 24)},杭州市标准化研究院,标准化,常规,90,是,2026-10-12,2026-10-16,是,否`,
      `蒋磊,${banned},浙江省质量科学研究院,质量,标志性业绩,,是,2026-10-12,2026-10-16,是,是`,
      `韩梅,${makeIdNumber('1986-01-01', 26)},浙江省质量科学研究院,特种设备,常规,85,是,2026-10-12,2026-10-16,是,是`,
    ];
    const refused = await csv(`/rounds/${round}/applications/import`, [APPLICATION_HEADER, ...rows].join('\n'));
    expect(codes(refused)).toEqual([400, 'CSV_INVALID']);
    expect(refused.body.details.problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: '量化赋分',
        code: 'QUANTITATIVE_SCORE_BELOW_THRESHOLD',
        details: { score: 79.5, threshold: 80 },
      }),
      expect.objectContaining({ line: 3, field: '中评委推荐', code: 'INTERMEDIATE_RECOMMENDATION_MISSING' }),
      expect.objectContaining({
        line: 4,
        field: '身份证号',
        code: 'APPLICANT_BANNED',
        details: expect.objectContaining({ until: '2028-12-31' }),
      }),
      expect.objectContaining({ line: 5, field: '专业', code: 'CSV_VALUE_INVALID' }),
    ]);
    expect((await csv(`/rounds/${round}/applications/import`, fixture('applications-senior.csv'))).body).toEqual({
      imported: 3,
    });

    // A ban decided after filing makes the applicant ineligible at the check (四.三.4).
    const lateBan = makeIdNumber('1986-06-06', 35);
    await t.dataSource.query(
      `INSERT INTO bans (id_number, from_date, until_date, decision_document, case_id, created_at) VALUES ('${lateBan}', '2026-01-01', '2028-12-31', '浙市监人〔2026〕30号', 2, '2026-11-01T00:00:00.000Z')`,
    );
    await post(`/rounds/${round}/applications-closure`);
    await post(`/rounds/${round}/eligibility-check`);
    const listed = (await api(t, 'GET', `/api/v1/evaluation/rounds/${round}/applications`, undefined, auditor.token))
      .body as Array<{ eligible: boolean; ineligibleReason: string | null }>;
    expect(listed.map((a) => a.eligible)).toEqual([true, true, false]);
    expect(listed[2].ineligibleReason).toContain('2028-12-31');

    // 49 eligible members: no draw; 50: the draw is committed (seats 13 + 12 for the two eligible).
    const commitment = createHash('sha256').update('a'.repeat(64)).digest('hex');
    await csv('/pools/senior/import', seniorPool(49));
    const small = await post(`/rounds/${round}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
    expect([...codes(small), small.body.details]).toEqual([422, 'POOL_TOO_SMALL', { eligible: 49, required: 50 }]);
    expect((await csv('/pools/senior/import', seniorPool(50))).body).toMatchObject({
      members: 52,
      eligible: 50,
      drawable: true,
    });
    const committed = await post(`/rounds/${round}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
    expect(committed.status).toBe(200);
    expect((await api(t, 'GET', `/api/v1/evaluation/rounds/${round}/draw`)).body.seatPlan).toEqual({
      committeeSize: 25,
      viceChairs: 2,
      // Quality's only applicant is ineligible: no review group, no seat.
      seats: { metrology: 13, standardization: 12 },
    });
  });

  it('flags a pool not reviewed for over 3 years', async () => {
    expect(
      (await csv('/pools/professor/import?reviewedOn=2023-11-02', fixture('pool-professor.csv'))).body.reviewOverdue,
    ).toBe(false);
    expect(
      (await csv('/pools/professor/import?reviewedOn=2023-11-01', fixture('pool-professor.csv'))).body.reviewOverdue,
    ).toBe(true);
    expect(
      (await api(t, 'GET', '/api/v1/evaluation/pools/professor?at=2026-12-01', undefined, auditor.token)).body,
    ).toMatchObject({ reviewOverdue: true, eligible: 59, at: '2026-12-01' });
  });

  it('takes CSV only on the import endpoints, UTF-8 only, from office roles only', async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${POOL_HEADER}\nZ001,`),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',x\n'),
    ]);
    const notUtf8 = await csv('/pools/professor/import', gbk);
    expect([...codes(notUtf8), notUtf8.body.details.problems[0].line]).toEqual([400, 'CSV_INVALID', 2]);
    expect(codes(await csv('/rounds', 'level,year\nprofessor,2026'))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const asCsv = await fetch(`${t.baseUrl}/api/v1/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b',
    });
    expect(asCsv.status).toBe(415);
    expect(codes(await post('/pools/professor/import', { csv: 'x' }))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(codes(await csv('/pools/professor/import', fixture('pool-professor.csv'), auditor))).toEqual([
      403,
      'FORBIDDEN_ROLE',
    ]);
    expect(
      (await api(t, 'POST', '/api/v1/evaluation/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' }))
        .status,
    ).toBe(401);
    expect(codes(await csv('/pools/doctor/import', fixture('pool-professor.csv')))).toEqual([400, 'LEVEL_INVALID']);
    expect(codes(await api(t, 'GET', '/api/v1/evaluation/rounds/999/draw'))).toEqual([404, 'ROUND_NOT_FOUND']);
  });

  it('documents the evaluation endpoints in the OpenAPI document', async () => {
    const paths = Object.keys((await api(t, 'GET', '/docs-json')).body.paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/evaluation/pools/{level}/import',
        '/api/v1/evaluation/rounds',
        '/api/v1/evaluation/rounds/{id}/applications/import',
        '/api/v1/evaluation/rounds/{id}/draw-commitment',
        '/api/v1/evaluation/rounds/{id}/draw-witness',
        '/api/v1/evaluation/rounds/{id}/draw',
        '/api/v1/evaluation/rounds/{id}/committee/withdrawals',
        '/api/v1/evaluation/rounds/{id}/draw/verification',
        '/api/v1/evaluation/rounds/{id}/tally',
        '/api/v1/evaluation/rounds/{id}/pre-evaluation-report',
        '/api/v1/evaluation/rounds/{id}/hrss-approval',
        '/api/v1/evaluation/rounds/{id}/publication',
        '/api/v1/evaluation/rounds/{id}/publication/confirmation',
        '/api/v1/evaluation/rounds/{id}/publication/rejection',
        '/api/v1/evaluation/rounds/{id}/issuance',
      ]),
    );
  });
});
