import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApplicationsCsv } from './applications-csv';
import { csvRefusal, readCsvTable } from './csv-table';
import { readPoolCsv } from './pool-csv';
import { readTallyCsv } from './tally-csv';

const FIXTURES = join(__dirname, '../../test/fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const csv = (text: string) => Buffer.from(text, 'utf8');
const POOL_HEADER = '编号,姓名,工作单位,单位类型,专业,职称,取得职称日期,业绩突出,主任委员库,副主任委员库\n';
const APPLICATION_HEADER =
  '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐\n';
const AB = { a: 'value', b: 'value' } as const;

describe('CSV import', () => {
  it('reads the sample pool and applications files', () => {
    const pool = readPoolCsv(fixture('pool-professor.csv'), 'professor', '2026-11-27');
    expect(pool.problems).toEqual([]);
    expect(pool.experts.length).toBeGreaterThanOrEqual(50);
    expect(pool.experts[0]).toMatchObject({
      code: expect.any(String),
      rank: expect.stringMatching(/^(full|associate)$/),
    });
    const applications = readApplicationsCsv(fixture('applications-professor.csv'), 'professor');
    expect(applications.problems).toEqual([]);
    expect(applications.rows[0]).toMatchObject({ line: 2, input: { channel: expect.any(String), pledge: true } });
  });

  it('reports each bad row with its line, column and reason', () => {
    const text =
      POOL_HEADER +
      'E001,李四,浙江大学,外部,计量,正高,2020-01-01,否,是,否\n\nE002,王五,浙江大学,高校,计量,教授,2020-02-30,也许,,\nE001,赵六,浙江大学,外部,质量,正高,2020-01-01,,,\n';
    const { problems } = readPoolCsv(csv(text), 'professor', '2026-11-27');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [4, '单位类型'],
      [4, '职称'],
      [4, '取得职称日期'],
      [4, '业绩突出'],
      [5, '编号'],
    ]);
    expect(problems.map((p) => p.code)).toEqual([
      'CSV_VALUE_INVALID',
      'CSV_VALUE_INVALID',
      'CSV_VALUE_INVALID',
      'CSV_VALUE_INVALID',
      'CSV_EXPERT_REPEATED',
    ]);
    expect(problems[4]).toMatchObject({ reason: 'E001 is already on line 2', details: { line: 2 } });
    const refusal = csvRefusal(problems);
    expect(refusal.code).toBe('CSV_INVALID');
    expect(refusal.message).toBe('Nothing was imported: line 4, 单位类型: must be 内部 or 外部 (and 4 more)');
    expect(refusal.details).toMatchObject({
      total: 5,
      problems: expect.arrayContaining([expect.objectContaining({ line: 4, field: '职称' })]),
    });
  });

  it('refuses a file with a wrong header, a short row, an open quote, no rows or GBK bytes', () => {
    expect(
      readCsvTable(csv('姓名,身份,姓名\n'), { 姓名: 'name', 身份证号: 'value' }).problems.map((p) => [
        p.code,
        p.reason,
      ]),
    ).toEqual([
      ['CSV_COLUMN_REPEATED', 'The header names the column 姓名 more than once.'],
      ['CSV_COLUMN_MISSING', 'The header lacks the column 身份证号.'],
      ['CSV_COLUMN_UNKNOWN', 'Unknown column 身份; the columns are 姓名, 身份证号.'],
    ]);
    expect(readCsvTable(csv('a,b\n1,2\n3\n'), AB).problems).toEqual([
      expect.objectContaining({
        line: 3,
        code: 'CSV_ROW_WIDTH',
        reason: 'The row has 1 values for 2 columns.',
        details: { values: 1, columns: 2 },
      }),
    ]);
    expect(readCsvTable(csv('a,b\n1,2\n"3,4\n'), AB).problems).toEqual([
      expect.objectContaining({ line: 3, code: 'CSV_UNREADABLE' }),
    ]);
    expect(readCsvTable(csv('a,b\n'), AB).problems).toEqual([
      expect.objectContaining({ code: 'CSV_NO_ROWS', reason: 'The file has no data rows.' }),
    ]);
    expect(readCsvTable(csv(''), AB).problems).toEqual([expect.objectContaining({ code: 'CSV_EMPTY' })]);
    const gbk = Buffer.concat([csv('a,b\n1,2\n'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), csv(',x\n')]);
    expect(readCsvTable(gbk, AB).problems).toEqual([
      expect.objectContaining({ line: 3, code: 'CSV_NOT_UTF8', reason: expect.stringContaining('not UTF-8') }),
    ]);
  });

  it('takes a byte-order mark, CRLF line ends and columns in any order', () => {
    const { rows, problems } = readCsvTable(csv('\uFEFFb,a\r\n2,1\r\n'), AB);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, values: { a: '1', b: '2' } }]);
  });

  it('reads application values and reports unknown ones', () => {
    const header =
      '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐\n';
    const { rows, problems } = readApplicationsCsv(
      csv(
        header +
          '张三,330102198001011272,浙江省计量科学研究院,计量,标志性业绩,,是,2026-10-12,2026-10-16,是,\n李四,330102198001011272,单位,特种设备,绿色,八十,是,2026-10-12,2026-10-16,是,否\n',
      ),
      'senior',
    );
    expect(rows[0].input).toMatchObject({
      channel: 'landmark',
      quantitativeScore: null,
      intermediateRecommended: false,
      specialty: 'metrology',
    });
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:专业', '3:申报渠道', '3:量化赋分']);
  });
});

describe('CSV cell safety, the same in every file', () => {
  const FORMULA = 'must not start with =, +, - or @: a spreadsheet would run the cell as a formula';
  const poolRow = (name: string, affiliation = '浙江大学') =>
    `E001,${name},${affiliation},外部,计量,正高,2020-01-01,否,是,否\n`;
  const applicationRow = (name: string, employer = '浙江省计量科学研究院') =>
    `${name},330102198001011272,${employer},计量,常规,,是,2026-10-12,2026-10-16,是,\n`;
  const where = (problems: Array<{ line: number; field: string; reason: string }>) =>
    problems.map((p) => [p.line, p.field, p.reason]);

  it('refuses a header that names a column twice, in every file', () => {
    const pool = readPoolCsv(csv(POOL_HEADER.replace('工作单位', '姓名') + poolRow('李四')), 'professor', '2026-11-27');
    expect(where(pool.problems)).toEqual([
      [1, '姓名', 'The header names the column 姓名 more than once.'],
      [1, '工作单位', 'The header lacks the column 工作单位.'],
    ]);
    const doubled = APPLICATION_HEADER.replace('\n', ',身份证号\n');
    const applications = readApplicationsCsv(
      csv(doubled + applicationRow('张三').replace('\n', ',330102198001011280\n')),
      'professor',
    );
    expect(where(applications.problems)).toEqual([
      [1, '身份证号', 'The header names the column 身份证号 more than once.'],
    ]);
    expect(applications.rows).toEqual([]);
  });

  it('refuses a formula in a name or text cell with the same line, column and reason in the pool and the applications', () => {
    const pool = readPoolCsv(
      csv(
        POOL_HEADER +
          poolRow('"=HYPERLINK(""http://x.test"",""李四"")"') +
          poolRow('王五', '@SUM(A1)').replace('E001', 'E002'),
      ),
      'professor',
      '2026-11-27',
    );
    expect(where(pool.problems)).toEqual([
      [2, '姓名', FORMULA],
      [3, '工作单位', FORMULA],
    ]);
    const applications = readApplicationsCsv(
      csv(
        APPLICATION_HEADER +
          applicationRow('=1+2') +
          applicationRow('张三', '-浙江省计量科学研究院') +
          applicationRow('李四', '+浙江'),
      ),
      'professor',
    );
    expect(where(applications.problems)).toEqual([
      [2, '姓名', FORMULA],
      [3, '工作单位', FORMULA],
      [4, '工作单位', FORMULA],
    ]);
    expect(applications.rows).toEqual([]);
  });

  it('leaves fixed-shape values to their own rule: a negative number is a number, not a formula', () => {
    const { rows, problems } = readCsvTable(csv('a,b\n-3,=x\n-4.5,y\n'), { a: 'value', b: 'text' });
    expect(where(problems)).toEqual([[2, 'b', FORMULA]]);
    expect(rows).toEqual([{ line: 3, values: { a: '-4.5', b: 'y' } }]);
    expect(readCsvTable(csv('a,b\n-3,+1\n'), AB).rows).toEqual([{ line: 2, values: { a: '-3', b: '+1' } }]);
    const tally = readTallyCsv(csv('身份证号,赞成,反对,弃权\n330102198001011272,-1,0,0\n'));
    expect(where(tally.problems)).toEqual([[2, '赞成', 'must be a whole number of ballots']]);
  });

  it('stores every cell in NFC, and refuses an invisible character in a name', () => {
    const { rows } = readCsvTable(csv('名,单位\nZoe\u0308,Cafe\u0301\n'), { 名: 'name', 单位: 'text' });
    expect(rows[0].values).toEqual({ 名: 'Zo\u00eb', 单位: 'Caf\u00e9' });
    const pool = readPoolCsv(csv(POOL_HEADER + poolRow('李\u200B四')), 'professor', '2026-11-27');
    expect(where(pool.problems)).toEqual([[2, '姓名', 'must not contain the invisible character U+200B']]);
    const applications = readApplicationsCsv(csv(APPLICATION_HEADER + applicationRow('张\u2060三')), 'professor');
    expect(where(applications.problems)).toEqual([[2, '姓名', 'must not contain the invisible character U+2060']]);
  });

  it("refuses an expert's name with a combining mark alone or stacked: the draw record publishes it", () => {
    // a+◌́+◌̂+◌̃: NFC composes the first mark into á, yet three are on one letter.
    for (const name of ['\u0301赵志强', '赵\u0301\u0301\u0301志强', 'a\u0301\u0302\u0303', '专家 \u0301甲']) {
      const pool = readPoolCsv(csv(POOL_HEADER + poolRow(name)), 'professor', '2026-11-27');
      expect([name, pool.problems.map((p) => [p.field, p.code])]).toEqual([name, [['姓名', 'CSV_VALUE_INVALID']]]);
    }
    for (const name of ['买买提·艾力', 'Mary-Jane O. Smith', '赵志强', '专家甲1']) {
      const pool = readPoolCsv(csv(POOL_HEADER + poolRow(name)), 'professor', '2026-11-27');
      expect([name, pool.problems]).toEqual([name, []]);
    }
  });
});
