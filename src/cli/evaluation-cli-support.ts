import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { readFileSync } from 'node:fs';
import { AppError } from '../common/app-error';
import { toNfc } from '../common/text-input';
import { toAppError } from '../common/validation.pipe';

/** The bytes of an input file; a missing file is a usage error, not a crash. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
}

/** Runs a step; a refused CSV file has each problem printed on its own line before the error. */
export async function withProblemsPrinted<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CSV_INVALID') {
      const problems = (error.details?.problems ?? []) as Array<{
        line: number;
        field: string;
        code: string;
        reason: string;
      }>;
      for (const p of problems)
        console.error(`line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.reason} [${p.code}]`);
    }
    throw error;
  }
}

export function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('VALIDATION_FAILED', `Not a round id: ${value}.`);
  return id;
}

/**
 * The options as the API's request body, checked by the same DTO: a command refuses what the
 * API refuses, with the same code (the HTTP pipe does not run here).
 */
export async function validBody<T extends object>(dto: new () => T, body: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(dto, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw toAppError(errors);
  return instance;
}

/** Text typed at a terminal may come decomposed; it is stored in NFC like the API's. */
export function text(value: string): string {
  return toNfc(value.trim());
}
