import { SPECIALTIES_BY_LEVEL, SPECIALTY_NAMES, type Level } from '../common/qualifications';
import type { ApplicationInput, Channel } from './application-rules';
import type { CsvColumns } from './csv-cells';
import { CsvProblem, CsvRow, readCsvTable, readYesNo } from './csv-table';
import { specialtyOfName } from './pool-csv';

/** The columns of an applications file (docs/evaluation.md, test/fixtures/evaluation/applications-professor.csv). */
export const APPLICATION_COLUMNS: CsvColumns = {
  姓名: 'name',
  身份证号: 'value',
  工作单位: 'text',
  专业: 'value',
  申报渠道: 'value',
  量化赋分: 'value',
  真实性承诺: 'value',
  单位公示开始: 'value',
  单位公示结束: 'value',
  主管部门审核: 'value',
  中评委推荐: 'value',
};

/** The column of each field, to report a rule broken by a row under the header the office sees. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  name: '姓名',
  gender: '身份证号',
  idNumber: '身份证号',
  employer: '工作单位',
  specialty: '专业',
  channel: '申报渠道',
  quantitativeScore: '量化赋分',
  pledge: '真实性承诺',
  employerPublicityStart: '单位公示开始',
  employerPublicityEnd: '单位公示结束',
  departmentReviewed: '主管部门审核',
  intermediateRecommended: '中评委推荐',
};

const CHANNELS: Record<string, Channel> = { 常规: 'regular', 标志性业绩: 'landmark' };
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

export interface ApplicationRow {
  line: number;
  input: ApplicationInput;
}

function readRow(row: CsvRow, level: Level): ApplicationInput | CsvProblem[] {
  const v = row.values;
  const problems: CsvProblem[] = [];
  const bad = (field: string, reason: string) =>
    problems.push({ line: row.line, field, code: 'CSV_VALUE_INVALID', reason });
  const specialty = specialtyOfName(v['专业'], level);
  if (!specialty)
    bad('专业', `must be one of ${SPECIALTIES_BY_LEVEL[level].map((s) => SPECIALTY_NAMES[s]).join('、')}`);
  if (!(v['申报渠道'] in CHANNELS)) bad('申报渠道', 'must be 常规 or 标志性业绩');
  if (v['量化赋分'] !== '' && !SCORE.test(v['量化赋分']))
    bad('量化赋分', 'must be a number such as 82 or 82.5, or empty');
  const flags = (['真实性承诺', '主管部门审核', '中评委推荐'] as const).map((field) => {
    const flag = readYesNo(v[field]);
    if (flag === undefined) bad(field, 'must be 是 or 否 (empty means 否)');
    return flag ?? false;
  });
  if (problems.length > 0 || !specialty) return problems;
  return {
    name: v['姓名'],
    idNumber: v['身份证号'],
    employer: v['工作单位'],
    specialty,
    channel: CHANNELS[v['申报渠道']],
    quantitativeScore: v['量化赋分'] === '' ? null : Number(v['量化赋分']),
    pledge: flags[0],
    employerPublicityStart: v['单位公示开始'],
    employerPublicityEnd: v['单位公示结束'],
    departmentReviewed: flags[1],
    intermediateRecommended: flags[2],
  };
}

/** The applications of a file in its format (the rules are checked by the caller), or its problems. */
export function readApplicationsCsv(data: Buffer, level: Level): { rows: ApplicationRow[]; problems: CsvProblem[] } {
  const { rows, problems } = readCsvTable(data, APPLICATION_COLUMNS);
  const parsed: ApplicationRow[] = [];
  for (const row of rows) {
    const input = readRow(row, level);
    if (Array.isArray(input)) problems.push(...input);
    else parsed.push({ line: row.line, input });
  }
  return { rows: parsed, problems };
}
