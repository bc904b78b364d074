import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FORMULA = 'must not start with =, +, - or @: a spreadsheet would run the cell as a formula';
type Problem = { line: number; field: string; code: string; reason: string };
const problems = (r: ApiResponse) =>
  (r.body.details.problems as Problem[]).map((p) => [p.line, p.field, p.code, p.reason]);

describe('CSV imports refuse a doubled column and formula cells, in the pool and the applications (e2e)', () => {
  let t: TestApp;
  let admin: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
  });
  afterAll(async () => t.close());

  const csv = (path: string, name: string) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, fixture(name), admin.token, {
      'content-type': 'text/csv; charset=utf-8',
    });
  const codes = (r: ApiResponse) => [r.status, r.body.code];

  it('pool: a header naming 姓名 twice, and a HYPERLINK name and an @ affiliation, are refused with line, column and reason', async () => {
    const doubled = await csv('/pools/professor/import', 'pool-duplicate-column.csv');
    expect(codes(doubled)).toEqual([400, 'CSV_INVALID']);
    expect(problems(doubled)).toEqual([
      [1, '姓名', 'CSV_COLUMN_REPEATED', 'The header names the column 姓名 more than once.'],
    ]);
    const formula = await csv('/pools/professor/import', 'pool-formula.csv');
    expect(codes(formula)).toEqual([400, 'CSV_INVALID']);
    expect(problems(formula)).toEqual([
      [3, '姓名', 'CSV_CELL_FORMULA', FORMULA],
      [4, '工作单位', 'CSV_CELL_FORMULA', FORMULA],
    ]);
    expect(formula.body.message).toBe(`Nothing was imported: line 3, 姓名: ${FORMULA} (and 1 more)`);
    expect((await api(t, 'GET', '/api/v1/evaluation/pools/professor', undefined, admin.token)).body.members).toBe(0);
  });

  it('applications: the same refusals, in the same words', async () => {
    const round = await api(
      t,
      'POST',
      '/api/v1/evaluation/rounds',
      { level: 'professor', year: 2026, meetingDate: '2026-12-18' },
      admin.token,
    );
    const path = `/rounds/${round.body.id as number}/applications`;
    const doubled = await csv(`${path}/import`, 'applications-duplicate-column.csv');
    expect(codes(doubled)).toEqual([400, 'CSV_INVALID']);
    expect(problems(doubled)).toEqual([
      [1, '工作单位', 'CSV_COLUMN_REPEATED', 'The header names the column 工作单位 more than once.'],
    ]);
    const formula = await csv(`${path}/import`, 'applications-formula.csv');
    expect(codes(formula)).toEqual([400, 'CSV_INVALID']);
    expect(problems(formula)).toEqual([
      [3, '姓名', 'CSV_CELL_FORMULA', FORMULA],
      [4, '工作单位', 'CSV_CELL_FORMULA', FORMULA],
    ]);
    expect((await api(t, 'GET', `/api/v1/evaluation${path}`, undefined, admin.token)).body).toEqual([]);
  });
});
