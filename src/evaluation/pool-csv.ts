import { isCalendarDate } from '../common/formats';
import { hasMisplacedMarks } from '../common/text-input';
import { SPECIALTIES_BY_LEVEL, SPECIALTY_NAMES, type Level, type Specialty } from '../common/qualifications';
import type { CsvColumns } from './csv-cells';
import { CsvProblem, CsvRow, readCsvTable, readYesNo } from './csv-table';
import type { TitleRank } from './pool-rules';

/** The columns of a pool file (docs/evaluation.md, test/fixtures/evaluation/pool-professor.csv). */
export const POOL_COLUMNS: CsvColumns = {
  编号: 'value',
  姓名: 'name',
  工作单位: 'text',
  单位类型: 'value',
  专业: 'value',
  职称: 'value',
  取得职称日期: 'value',
  业绩突出: 'value',
  主任委员库: 'value',
  副主任委员库: 'value',
};

export interface ExpertInput {
  code: string;
  name: string;
  affiliation: string;
  /** 外部: universities and research institutes (三.二.2 "吸纳高校、科研院所等外单位本专业专家"). */
  external: boolean;
  specialty: Specialty;
  rank: TitleRank;
  titleSince: string;
  outstanding: boolean;
  chairCandidate: boolean;
  viceChairCandidate: boolean;
}

export const EXPERT_CODE = /^[A-Za-z0-9-]{1,32}$/;
const TEXT = /^[^\p{C}]+$/u;
const RANKS: Record<string, TitleRank> = { 正高: 'full', 副高: 'associate' };
const ORIGINS: Record<string, boolean> = { 内部: false, 外部: true };

/** The specialty of a Chinese name (质量, 计量, …) if the level evaluates it. */
export function specialtyOfName(name: string, level: Level): Specialty | undefined {
  return SPECIALTIES_BY_LEVEL[level].find((s) => SPECIALTY_NAMES[s] === name);
}

export function isPastDate(value: string, today: string): boolean {
  return isCalendarDate(value) && value <= today;
}

function readExpert(row: CsvRow, level: Level, today: string): ExpertInput | CsvProblem[] {
  const v = row.values;
  const problems: CsvProblem[] = [];
  const bad = (field: string, reason: string) =>
    problems.push({ line: row.line, field, code: 'CSV_VALUE_INVALID', reason });
  if (!EXPERT_CODE.test(v['编号'])) bad('编号', 'must be 1–32 letters, digits or dashes');
  // The office's own list (a working name such as 专家甲1 is its choice), but the draw record
  // publishes it: no mark without a letter or stacked over the text around it.
  const name = v['姓名'];
  if (!TEXT.test(name) || name.length > 40 || hasMisplacedMarks(name))
    bad('姓名', 'must be 1–40 characters, without a combining mark alone or stacked more than two');
  if (!TEXT.test(v['工作单位']) || v['工作单位'].length < 2 || v['工作单位'].length > 100)
    bad('工作单位', 'must be 2–100 characters');
  if (!(v['单位类型'] in ORIGINS)) bad('单位类型', 'must be 内部 or 外部');
  const specialty = specialtyOfName(v['专业'], level);
  if (!specialty)
    bad('专业', `must be one of ${SPECIALTIES_BY_LEVEL[level].map((s) => SPECIALTY_NAMES[s]).join('、')}`);
  if (!(v['职称'] in RANKS)) bad('职称', 'must be 正高 or 副高');
  if (!isPastDate(v['取得职称日期'], today)) bad('取得职称日期', 'must be a real date YYYY-MM-DD, not in the future');
  const flags = (['业绩突出', '主任委员库', '副主任委员库'] as const).map((field) => {
    const flag = readYesNo(v[field]);
    if (flag === undefined) bad(field, 'must be 是 or 否 (empty means 否)');
    return flag ?? false;
  });
  if (problems.length > 0 || !specialty) return problems;
  return {
    code: v['编号'],
    name: v['姓名'],
    affiliation: v['工作单位'],
    external: ORIGINS[v['单位类型']],
    specialty,
    rank: RANKS[v['职称']],
    titleSince: v['取得职称日期'],
    outstanding: flags[0],
    chairCandidate: flags[1],
    viceChairCandidate: flags[2],
  };
}

/** Every expert of a pool file, or every problem in it. */
export function readPoolCsv(
  data: Buffer,
  level: Level,
  today: string,
): { experts: ExpertInput[]; problems: CsvProblem[] } {
  const { rows, problems } = readCsvTable(data, POOL_COLUMNS);
  const experts: ExpertInput[] = [];
  const lineOfCode = new Map<string, number>();
  for (const row of rows) {
    const expert = readExpert(row, level, today);
    if (Array.isArray(expert)) {
      problems.push(...expert);
      continue;
    }
    const first = lineOfCode.get(expert.code);
    if (first !== undefined)
      problems.push({
        line: row.line,
        field: '编号',
        code: 'CSV_EXPERT_REPEATED',
        reason: `${expert.code} is already on line ${first}`,
        details: { line: first },
      });
    lineOfCode.set(expert.code, first ?? row.line);
    experts.push(expert);
  }
  return { experts, problems };
}
