import type { CsvColumns } from './csv-cells';
import { CsvProblem, readCsvTable } from './csv-table';

/** The scrutineers' count per applicant (docs/evaluation.md, test/fixtures/evaluation/tally-professor.csv). */
export const TALLY_COLUMNS: CsvColumns = { 身份证号: 'value', 赞成: 'value', 反对: 'value', 弃权: 'value' };

export interface TallyRow {
  line: number;
  idNumber: string;
  yes: number;
  no: number;
  abstain: number;
}

/** The counted ballots of a file, or its problems; applicants are named by ID number. */
export function readTallyCsv(data: Buffer): { rows: TallyRow[]; problems: CsvProblem[] } {
  const { rows, problems } = readCsvTable(data, TALLY_COLUMNS);
  const tallies: TallyRow[] = [];
  for (const { line, values } of rows) {
    const counts = (['赞成', '反对', '弃权'] as const).map((field) => {
      if (!/^\d{1,4}$/.test(values[field]))
        problems.push({ line, field, code: 'CSV_VALUE_INVALID', reason: 'must be a whole number of ballots' });
      return Number(values[field]);
    });
    tallies.push({ line, idNumber: values['身份证号'], yes: counts[0], no: counts[1], abstain: counts[2] });
  }
  return { rows: tallies, problems };
}
