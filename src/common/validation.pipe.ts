import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';

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

/** Turns the first validation failure into an AppError with the code its decorator names. */
export function toAppError(errors: ValidationError[]): AppError {
  const leaf = firstLeaf(errors);
  if (!leaf) return new AppError('VALIDATION_FAILED', 'The request is invalid.');
  const [error, path] = leaf;
  const constraints = error.constraints ?? {};
  if ('whitelistValidation' in constraints) {
    return new AppError('UNKNOWN_FIELD', `Unknown field "${path}".`, { field: path });
  }
  const [constraint, message] = Object.entries(constraints)[0];
  const errorCode = (error.contexts?.[constraint] as { code?: ErrorCode } | undefined)?.code;
  return new AppError(errorCode ?? 'VALIDATION_FAILED', message, { field: path });
}

/** Every request body is one JSON object; an array or a bare value is refused up front. */
class BodyValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new AppError('VALIDATION_FAILED', 'The request body must be a JSON object.');
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
    stopAtFirstError: true,
    exceptionFactory: toAppError,
  });
}
