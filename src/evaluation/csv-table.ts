import { CsvError, parse } from 'csv-parse/sync';
import { AppError, ErrorCode } from '../common/app-error';
import { STRICT_UTF8 } from '../common/request-input';
import { toNfc } from '../common/text-input';
import { readCell, type CsvColumns } from './csv-cells';

/** One data row: its line in the file (the header is line 1) and its values by header. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** What is wrong with a file, row by row: reported whole, and nothing of the file is imported. */
export interface CsvProblem {
  line: number;
  field: string;
  code: ErrorCode;
  reason: string;
  details?: Record<string, unknown>;
}

/** Reports are capped so a wholly wrong file does not produce a megabyte of errors. */
const MAX_REPORTED = 200;

function decodeUtf8(data: Buffer): string | CsvProblem {
  try {
    return STRICT_UTF8.decode(data);
  } catch {
    // The lossy decoding marks the first bad byte with U+FFFD: report its line.
    const lossy = data.toString('utf8');
    const line = lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))).split('\n').length;
    return {
      line,
      field: '',
      code: 'CSV_NOT_UTF8',
      reason: 'The file is not UTF-8 text (save it as "CSV UTF-8"), e.g. it is GBK.',
    };
  }
}

function headerProblems(header: string[], expected: readonly string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  // Two columns of one name would leave one of them silently unread.
  for (const name of new Set(header.filter((name, i) => header.indexOf(name) !== i))) {
    problems.push({
      line: 1,
      field: name,
      code: 'CSV_COLUMN_REPEATED',
      reason: `The header names the column ${name} more than once.`,
    });
  }
  for (const name of expected) {
    if (!header.includes(name))
      problems.push({
        line: 1,
        field: name,
        code: 'CSV_COLUMN_MISSING',
        reason: `The header lacks the column ${name}.`,
      });
  }
  for (const name of header) {
    if (!expected.includes(name))
      problems.push({
        line: 1,
        field: name,
        code: 'CSV_COLUMN_UNKNOWN',
        reason: `Unknown column ${name}; the columns are ${expected.join(', ')}.`,
      });
  }
  return problems;
}

/** A row's values by column, each read by its column's kind (csv-cells.ts); a refused cell is a problem. */
function readRow(header: string[], record: string[], line: number, columns: CsvColumns): CsvRow | CsvProblem[] {
  const values: Record<string, string> = {};
  const problems: CsvProblem[] = [];
  header.forEach((name, i) => {
    const cell = readCell(record[i], columns[name]);
    if ('reason' in cell) problems.push({ line, field: name, ...cell });
    else values[name] = cell.value;
  });
  return problems.length > 0 ? problems : { line, values };
}

/**
 * Reads a UTF-8 CSV file (a byte-order mark allowed) whose first line names each of `columns`
 * once, in any order. Empty lines are skipped; values are trimmed and in NFC. A row with a
 * refused cell (a formula in text, an invisible character in a name) is reported, not returned.
 */
export function readCsvTable(data: Buffer, columns: CsvColumns): { rows: CsvRow[]; problems: CsvProblem[] } {
  const expected = Object.keys(columns);
  const text = decodeUtf8(data);
  if (typeof text !== 'string') return { rows: [], problems: [text] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      rows: [],
      problems: [
        {
          line: Number((error as CsvError & { lines?: number }).lines ?? 0),
          field: '',
          code: 'CSV_UNREADABLE',
          reason: error.message,
        },
      ],
    };
  }
  if (records.length === 0)
    return { rows: [], problems: [{ line: 1, field: '', code: 'CSV_EMPTY', reason: 'The file is empty.' }] };
  const header = records[0].record.map(toNfc);
  const problems = headerProblems(header, expected);
  if (problems.length > 0) return { rows: [], problems };
  const rows: CsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      problems.push({
        line: info.lines,
        field: '',
        code: 'CSV_ROW_WIDTH',
        reason: `The row has ${record.length} values for ${header.length} columns.`,
        details: { values: record.length, columns: header.length },
      });
      continue;
    }
    const row = readRow(header, record, info.lines, columns);
    if (Array.isArray(row)) problems.push(...row);
    else rows.push(row);
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 2, field: '', code: 'CSV_NO_ROWS', reason: 'The file has no data rows.' });
  return { rows, problems };
}

/** The refusal of a file: every problem found (up to a cap), and nothing imported. */
export function csvRefusal(problems: CsvProblem[]): AppError {
  const first = problems[0];
  const summary = `line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.reason}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError('CSV_INVALID', `Nothing was imported: ${summary}${more}`, {
    problems: problems.slice(0, MAX_REPORTED),
    total: problems.length,
  });
}

/** 是 / 否, an empty cell meaning 否. */
export function readYesNo(value: string): boolean | undefined {
  if (value === '是') return true;
  if (value === '否' || value === '') return false;
  return undefined;
}
