import { AppError } from './app-error';

/**
 * Why the database cannot serve a request: it cannot be reached (down, restarting, out of
 * connections, locked), or it answers but its schema is gone (restored empty, dropped).
 * Either way the request was fine and will succeed later, so it is a 503 and never a 500.
 */
export type DatabaseOutage = 'down' | 'schema-missing';

/** How long clients are asked to wait before retrying (the Retry-After header). */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** The answer to a request that failed because of a database outage. */
export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS;

  constructor(readonly outage: DatabaseOutage) {
    super(
      'SERVICE_UNAVAILABLE',
      outage === 'down'
        ? 'The database is unavailable. Try again later.'
        : 'The database is not ready (its tables are missing). Try again later.',
      { database: outage, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS },
    );
  }
}

/** Socket errors of the driver (Node's codes) on connecting or mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs (Appendix A) of a server that cannot serve: class 08 connection
 * exception, class 53 insufficient resources (53300 too many connections), 57P01–57P03
 * admin/crash shutdown and cannot-connect-now, 3D000 the database does not exist, 57014 a
 * statement cancelled (past DATABASE_STATEMENT_TIMEOUT_MS: a database too slow to serve).
 */
const POSTGRES_DOWN = /^(08...|53...|57P0[1-3]|57014|3D000)$/;

/**
 * SQLite result codes (extended ones start with the primary) of a file that cannot be used:
 * locked past the busy timeout, unopenable, unreadable or read-only, damaged, or a full disk.
 */
const SQLITE_DOWN = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|CORRUPT|NOTADB|FULL|READONLY|PERM|AUTH)(_|$)/;

/** node-postgres and TypeORM raise these without a code when a connection is lost or never comes. */
const DOWN_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  // the pool's query_timeout: the server did not answer at all
  /^Query read timeout$/,
  /Client has encountered a connection error and is not queryable/,
  /is not currently accepting connections/,
  /The database connection is not open/,
  /Connection with .* database is not established/,
];

/**
 * An error of the request, not of the database: Fastify gives a 4xx `statusCode` to what goes
 * wrong reading a request body, among them Node's `aborted` when the client hangs up before
 * its declared Content-Length arrived, which carries ECONNRESET like a lost database connection.
 * Database drivers set no `statusCode`.
 */
function isRequestError(error: object): boolean {
  const { statusCode } = error as { statusCode?: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function classifyOne(error: object): DatabaseOutage | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    // 42P01 undefined_table; SQLite has no code of its own for it (SQLITE_ERROR).
    if (code === '42P01' || (code === 'SQLITE_ERROR' && /^no such table/.test(text))) return 'schema-missing';
    if (NETWORK_CODES.has(code) || POSTGRES_DOWN.test(code) || SQLITE_DOWN.test(code)) return 'down';
    // 55000 is also a query-time state error; only this message is an outage (ALLOW_CONNECTIONS false).
    if (code === '55000' && /not currently accepting connections/.test(text)) return 'down';
  }
  return DOWN_MESSAGES.some((pattern) => pattern.test(text)) ? 'down' : undefined;
}

/**
 * The outage an error reveals, or undefined for any other error. Looks through TypeORM's
 * QueryFailedError (`driverError`), `cause` and AggregateError (a host name resolving to
 * several addresses, each refused), a few levels deep.
 */
export function databaseOutageOf(error: unknown, depth = 0): DatabaseOutage | undefined {
  if (typeof error !== 'object' || error === null || depth > 4 || isRequestError(error)) return undefined;
  const own = classifyOne(error);
  if (own) return own;
  const { driverError, cause, errors } = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  const nested = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  for (const inner of nested) {
    const found = databaseOutageOf(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The 503 error for an outage error, or undefined when the error is something else. */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  const outage = databaseOutageOf(error);
  return outage ? new DatabaseUnavailableError(outage) : undefined;
}

/**
 * The one log line of a request refused by an outage: the cause's message is enough to act
 * on (no stack: the same outage fails every request, and the trace says nothing new).
 */
export function outageLogLine(
  outage: DatabaseUnavailableError,
  cause: unknown,
  request: { method: string; url: string },
): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `Database ${outage.outage} on ${request.method} ${request.url.split('?')[0]}: ${reason} (answered 503)`;
}
