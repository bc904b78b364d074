import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';
import { toNfc } from './text-input';
import { INVISIBLE_CHARACTER_RULES } from './visible-text.validator';

/** Attach to a class-validator decorator so its failure carries our stable code. */
export function code(errorCode: ErrorCode): { context: { code: ErrorCode } } {
  return { context: { code: errorCode } };
}

function firstLeaf(errors: ValidationError[], path: string[] = []): [ValidationError, string] | undefined {
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints && Object.keys(error.constraints).length > 0) return [error, here.join('.')];
    const nested = firstLeaf(error.children ?? [], here);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The failure to report for a property: its topmost failing decorator. DTOs list a property's
 * checks from the most basic down (presence, type, then length and shape), but class-validator
 * runs them bottom-up and records every failure in that order; so "2026" as a year is
 * reported as not a whole number, not as above 9999. Presence (IsDefined) always runs first
 * and nested validation always last, whatever their place.
 */
function reportedConstraint(constraints: Record<string, string>): string {
  const failed = Object.keys(constraints);
  if (failed.includes('isDefined')) return 'isDefined';
  const own = failed.filter((name) => name !== 'nestedValidation');
  return own.length > 0 ? own[own.length - 1] : failed[0];
}

/** The invisible character a text rule refused, as `U+XXXX` (INVISIBLE_CHARACTER_RULES). */
function refusedCharacter(constraint: string, value: unknown): string | undefined {
  const find = INVISIBLE_CHARACTER_RULES[constraint as keyof typeof INVISIBLE_CHARACTER_RULES];
  return find !== undefined && typeof value === 'string' ? find(value) : undefined;
}

/**
 * Turns the first validation failure into an AppError with the code its decorator names, the
 * field in `details.field` and, for an invisible character, the character in `details.character`.
 */
export function toAppError(errors: ValidationError[]): AppError {
  const leaf = firstLeaf(errors);
  if (!leaf) return new AppError('VALIDATION_FAILED', 'The request is invalid.');
  const [error, path] = leaf;
  const constraints = error.constraints ?? {};
  if ('whitelistValidation' in constraints) {
    return new AppError('UNKNOWN_FIELD', `Unknown field "${path}".`, { field: path });
  }
  const constraint = reportedConstraint(constraints);
  const errorCode = (error.contexts?.[constraint] as { code?: ErrorCode } | undefined)?.code;
  // A missing required field fails its type check first; say what is wrong: it is missing.
  const missing = constraint !== 'isDefined' && 'value' in error && error.value === undefined;
  const message = missing ? `${path} is required` : constraints[constraint];
  const character = refusedCharacter(constraint, error.value);
  return new AppError(
    errorCode ?? 'VALIDATION_FAILED',
    message,
    character ? { field: path, character } : { field: path },
  );
}

/** Every request body is one JSON object; an array or a bare value is refused up front. */
class BodyValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // No body at all (none sent, or an empty one typed as JSON) keeps the code an empty JSON
    // body always had, whichever way the client sent nothing.
    if (metadata.type === 'body' && value === undefined) {
      throw new AppError('BAD_JSON', 'The request body is empty; a JSON object was expected.');
    }
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new AppError('VALIDATION_FAILED', 'The request body must be a JSON object.');
    }
    // A path parameter stays the text of the address, in NFC: Nest would turn `1e3`, ` 1` or
    // `0x1` into a number for an `id: number` before IdParamPipe could refuse them.
    if (metadata.type === 'param' && metadata.data) {
      return Promise.resolve(typeof value === 'string' ? toNfc(value) : value);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The global pipe: whitelist, refuse unknown fields, transform; errors carry codes. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: toAppError,
  });
}
