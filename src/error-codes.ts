import { authErrors } from './auth/auth.errors';
import { calendarErrors } from './calendar/calendar.errors';
import { certificatesErrors } from './certificates/certificates.errors';
import type { ErrorCode, ErrorStatusTables, HttpStatusLike } from './common/app-error';
import { fieldErrors } from './common/field.errors';
import { requestErrors } from './common/request.errors';
import { evaluationErrors } from './evaluation/evaluation.errors';
import { officersErrors } from './officers/officers.errors';
import { pdfErrors } from './pdf/pdf.errors';
import { registryErrors } from './registry/registry.errors';
import { revocationErrors } from './revocation/revocation.errors';
import { transparencyErrors } from './transparency/transparency.errors';

type Table = keyof ErrorStatusTables;
type CodesOutside<T extends Table> = { [U in Exclude<Table, T>]: keyof ErrorStatusTables[U] }[Exclude<Table, T>];
/** The codes declared in more than one table; `never` when each code has one home. */
type CodesDeclaredTwice = { [T in Table]: keyof ErrorStatusTables[T] & CodesOutside<T> }[Table];
/** All tables; with a code declared twice, also a property naming it, which the tables below lack. */
type AllTablesEachCodeOnce = [CodesDeclaredTwice] extends [never]
  ? ErrorStatusTables
  : ErrorStatusTables & { codeDeclaredTwice: CodesDeclaredTwice };

/**
 * Every code → HTTP status table, in the one file that imports them all (common may not import
 * the features), checked against `ErrorStatusTables`, which each table joins from its own file:
 * a table declared but not listed here, or a code declared in two tables, is a type error.
 */
export const errorStatusTables = {
  request: requestErrors,
  field: fieldErrors,
  auth: authErrors,
  officers: officersErrors,
  calendar: calendarErrors,
  certificates: certificatesErrors,
  pdf: pdfErrors,
  registry: registryErrors,
  revocation: revocationErrors,
  evaluation: evaluationErrors,
  transparency: transparencyErrors,
} as const satisfies AllTablesEachCodeOnce;

/** One code → status map from all tables; a code in two tables stops the start. */
export function mergeErrorStatusTables(
  tables: Readonly<Record<string, Readonly<Record<string, HttpStatusLike>>>>,
): Readonly<Record<string, HttpStatusLike>> {
  const merged: Record<string, HttpStatusLike> = {};
  for (const [name, table] of Object.entries(tables)) {
    for (const [code, status] of Object.entries(table)) {
      if (code in merged) throw new Error(`Error code ${code} is declared twice (again in the ${name} table).`);
      merged[code] = status;
    }
  }
  return merged;
}

/**
 * What the exception filter answers from (`useErrorStatuses`, when the app is configured). Its
 * keys are exactly `ErrorCode`: the union of the tables that satisfy `ErrorStatusTables` above.
 */
export const errorStatuses = mergeErrorStatusTables(errorStatusTables) as Readonly<Record<ErrorCode, HttpStatusLike>>;
