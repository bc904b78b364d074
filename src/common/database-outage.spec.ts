import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { databaseOutageOf, databaseUnavailable, DatabaseUnavailableError } from './database-outage';

/** An error as the drivers raise them: a message and, usually, a code. */
const driverError = (code: string | undefined, message: string) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });
const queryFailed = (code: string | undefined, message: string) =>
  new QueryFailedError('SELECT 1', [], driverError(code, message));

describe('databaseOutageOf', () => {
  it.each([
    ['PostgreSQL admin shutdown (57P01)', queryFailed('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL connection failure (08006)', queryFailed('08006', 'connection failure')],
    ['PostgreSQL too many connections (53300)', driverError('53300', 'sorry, too many clients already')],
    ['PostgreSQL starting up (57P03)', driverError('57P03', 'the database system is starting up')],
    ['PostgreSQL database gone (3D000)', driverError('3D000', 'database "x" does not exist')],
    [
      'PostgreSQL ALLOW_CONNECTIONS false (55000)',
      driverError('55000', 'database "x" is not currently accepting connections'),
    ],
    ['a refused socket', driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'a host with every address refused',
      new AggregateError([
        driverError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'),
        driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      ]),
    ],
    ['a connection lost mid-query', queryFailed(undefined, 'Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a statement past DATABASE_STATEMENT_TIMEOUT_MS (57014)',
      queryFailed('57014', 'canceling statement due to statement timeout'),
    ],
    ['a server that no longer answers (query_timeout)', queryFailed(undefined, 'Query read timeout')],
    ['an error behind a cause', new Error('lookup failed', { cause: driverError('ECONNRESET', 'read ECONNRESET') })],
    ['SQLite locked past the busy timeout', queryFailed('SQLITE_BUSY', 'database is locked')],
    ['SQLite snapshot busy', queryFailed('SQLITE_BUSY_SNAPSHOT', 'database is locked')],
    ['SQLite file unopenable', driverError('SQLITE_CANTOPEN', 'unable to open database file')],
    ['SQLite read error', queryFailed('SQLITE_IOERR_READ', 'disk I/O error')],
    ['SQLite connection closed', new TypeError('The database connection is not open')],
  ])('%s is the database down', (_name, error) => {
    expect(databaseOutageOf(error)).toBe('down');
  });

  it.each([
    ['PostgreSQL undefined table (42P01)', queryFailed('42P01', 'relation "certificates" does not exist')],
    ['SQLite no such table', queryFailed('SQLITE_ERROR', 'no such table: certificates')],
  ])('%s is the schema missing', (_name, error) => {
    expect(databaseOutageOf(error)).toBe('schema-missing');
  });

  it.each([
    ['a unique violation', queryFailed('23505', 'duplicate key value violates unique constraint')],
    ['a SQLite unique violation', queryFailed('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed')],
    ['a SQL syntax error', queryFailed('SQLITE_ERROR', 'near "SELEC": syntax error')],
    ['an undefined column (a bug, not an outage)', queryFailed('42703', 'column "x" does not exist')],
    ['55000 for another reason', driverError('55000', 'currval of sequence "s" is not yet defined in this session')],
    ['an application error', new AppError('CERTIFICATE_NOT_FOUND', 'No such certificate.')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is no outage', (_name, error) => {
    expect(databaseOutageOf(error)).toBeUndefined();
  });

  it('stops at a cycle of causes', () => {
    const error = new Error('a') as Error & { cause?: unknown };
    error.cause = error;
    expect(databaseOutageOf(error)).toBeUndefined();
  });
});

describe('databaseUnavailable', () => {
  it('turns an outage into SERVICE_UNAVAILABLE naming the state and the wait', () => {
    const error = databaseUnavailable(queryFailed('42P01', 'relation "officers" does not exist'));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect([error?.code, error?.details, error?.retryAfterSeconds]).toEqual([
      'SERVICE_UNAVAILABLE',
      { database: 'schema-missing', retryAfterSeconds: 30 },
      30,
    ]);
    expect(databaseUnavailable(new Error('boom'))).toBeUndefined();
  });
});
