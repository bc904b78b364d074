import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApplicationsCsv } from './applications-csv';
import { csvRefusal, readCsvTable } from './csv-table';
import { readPoolCsv } from './pool-csv';

const FIXTURES = join(__dirname, '../../test/fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const csv = (text: string) => Buffer.from(text, 'utf8');
const POOL_HEADER = '编号,姓名,工作单位,单位类型,专业,职称,取得职称日期,业绩突出,主任委员库,副主任委员库\n';

describe('CSV import', () => {
  it('reads the sample pool and applications files', () => {
    const pool = readPoolCsv(fixture('pool-professor.csv'), 'professor', '2026-11-27');
    expect(pool.problems).toEqual([]);
    expect(pool.experts.length).toBeGreaterThanOrEqual(50);
    expect(pool.experts[0]).toMatchObject({ code: expect.any(String), rank: expect.stringMatching(/^(full|associate)$/) });
    const applications = readApplicationsCsv(fixture('applications-professor.csv'), 'professor');
    expect(applications.problems).toEqual([]);
    expect(applications.rows[0]).toMatchObject({ line: 2, input: { channel: expect.any(String), pledge: true } });
  });

  it('reports each bad row with its line, column and reason', () => {
    const text = POOL_HEADER + 'E001,李四,浙江大学,外部,计量,正高,2020-01-01,否,是,否\n\nE002,王五,浙江大学,高校,计量,教授,2020-02-30,也许,,\nE001,赵六,浙江大学,外部,质量,正高,2020-01-01,,,\n';
    const { problems } = readPoolCsv(csv(text), 'professor', '2026-11-27');
    expect(problems.map((p) => [p.line, p.field])).toEqual([[4, '单位类型'], [4, '职称'], [4, '取得职称日期'], [4, '业绩突出'], [5, '编号']]);
    expect(problems[4].reason).toBe('E001 is already on line 2');
    const refusal = csvRefusal(problems);
    expect(refusal.code).toBe('CSV_INVALID');
    expect(refusal.message).toBe('Nothing was imported: line 4, 单位类型: must be 内部 or 外部 (and 4 more)');
    expect(refusal.details).toMatchObject({ total: 5, problems: expect.arrayContaining([expect.objectContaining({ line: 4, field: '职称' })]) });
  });

  it('refuses a file with a wrong header, a short row, an open quote, no rows or GBK bytes', () => {
    expect(readCsvTable(csv('姓名,身份\n'), ['姓名', '身份证号']).problems.map((p) => p.reason)).toEqual(['The header lacks the column 身份证号.', 'Unknown column 身份; the columns are 姓名, 身份证号.']);
    expect(readCsvTable(csv('a,b\n1,2\n3\n'), ['a', 'b']).problems).toEqual([expect.objectContaining({ line: 3, reason: 'The row has 1 values for 2 columns.' })]);
    expect(readCsvTable(csv('a,b\n1,2\n"3,4\n'), ['a', 'b']).problems).toEqual([expect.objectContaining({ line: 3, code: 'CSV_INVALID' })]);
    expect(readCsvTable(csv('a,b\n'), ['a', 'b']).problems).toEqual([expect.objectContaining({ reason: 'The file has no data rows.' })]);
    const gbk = Buffer.concat([csv('a,b\n1,2\n'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), csv(',x\n')]);
    expect(readCsvTable(gbk, ['a', 'b']).problems).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('not UTF-8') })]);
  });

  it('takes a byte-order mark, CRLF line ends and columns in any order', () => {
    const { rows, problems } = readCsvTable(csv('\uFEFFb,a\r\n2,1\r\n'), ['a', 'b']);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, values: { a: '1', b: '2' } }]);
  });

  it('reads application values and reports unknown ones', () => {
    const header = '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐\n';
    const { rows, problems } = readApplicationsCsv(csv(header + '张三,330102198001011272,浙江省计量科学研究院,计量,标志性业绩,,是,2026-10-12,2026-10-16,是,\n李四,330102198001011272,单位,特种设备,绿色,八十,是,2026-10-12,2026-10-16,是,否\n'), 'senior');
    expect(rows[0].input).toMatchObject({ channel: 'landmark', quantitativeScore: null, intermediateRecommended: false, specialty: 'metrology' });
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:专业', '3:申报渠道', '3:量化赋分']);
  });
});
