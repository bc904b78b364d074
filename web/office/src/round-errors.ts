import { toApiError } from './api/client';
import { API_MESSAGES } from './api/error-messages';

/** One problem of a refused CSV file (400 CSV_INVALID: nothing of the file was imported). */
export interface CsvProblemRow {
  line: number;
  field: string;
  code: string;
  reason: string;
}

/** A CSV row's problem says which cell is wrong, not what to pick in a form. */
const CSV_ROW_MESSAGES: Record<string, string> = {
  SPECIALTY_INVALID: '专业无效。',
  LEVEL_INVALID: '资格名称无效。',
};

/** A problem's code in the officer's words, or the API's reason when the code has none. */
export function problemMessage(code: string, reason: string): string {
  return CSV_ROW_MESSAGES[code] ?? API_MESSAGES[code] ?? reason;
}

/** The rows of a CSV_INVALID reply, for the error table; [] for any other reply. */
export function csvProblems(body: unknown, status: number): CsvProblemRow[] {
  const problem = toApiError(body, status);
  const rows = problem.code === 'CSV_INVALID' ? problem.details?.problems : undefined;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: Partial<CsvProblemRow>) => ({
    line: Number(row.line ?? 0),
    field: String(row.field ?? ''),
    code: String(row.code ?? ''),
    reason: String(row.reason ?? ''),
  }));
}

/** A refusal in the officer's words, with the API's own message kept for the details it names. */
export function roundFailure(body: unknown, status: number): string {
  if (status === 401) return '登录已过期，请重新登录。';
  const problem = toApiError(body, status);
  // The service's text names what the officer must find (which applicant, which specialty).
  return problem.serviceMessage === problem.message
    ? problem.message
    : `${problem.message}（${problem.serviceMessage}）`;
}

/** The field the API names in a refusal (`details.field`), if any: the form shows the message under it. */
export function failedField(body: unknown, status: number): string | undefined {
  const field = toApiError(body, status).details?.field;
  return typeof field === 'string' ? field : undefined;
}
