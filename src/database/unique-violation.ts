import { QueryFailedError } from 'typeorm';

/**
 * When an insert broke a unique constraint: the constraint's name and the driver's message
 * (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE), so callers can tell which; else undefined.
 */
export function uniqueViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  if (driverError.code !== '23505' && driverError.code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
  return `${driverError.constraint ?? ''} ${driverError.message ?? ''}`;
}
