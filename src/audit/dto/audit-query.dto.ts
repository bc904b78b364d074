import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { canonicalInteger, MAX_ID } from '../../common/id-param.pipe';
import { DATE_SHAPE } from '../../common/formats';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';
import { code } from '../../common/validation.pipe';
import { AUTHORITY_IDS } from '../../keys/authority';

/** Query numbers in canonical decimal only (`1e3`, ` 1`, `0x1` stay text and fail IsInt). */
const toCanonicalInteger = ({ value }: { value: unknown }): unknown => canonicalInteger(value) ?? value;

/** Dotted lower-case words, as every action is written (`certificate.issued`, `evaluation.draw.revealed`). */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*$/;

export const MAX_AUDIT_PAGE = 1000;

/**
 * One page of the audit log, oldest first, after a sequence number, narrowed by any of the
 * filters (all must hold). Dates are days in China, as officers read the log.
 */
export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ID, description: 'the seq of the last entry of the previous page' })
  @IsOptional()
  @Transform(toCanonicalInteger)
  @IsInt({ message: `after must be a whole number from 0 to ${MAX_ID}` })
  @Min(0, { message: `after must be a whole number from 0 to ${MAX_ID}` })
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: 100 })
  @IsOptional()
  @Transform(toCanonicalInteger)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  @Max(MAX_AUDIT_PAGE, { message: `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}` })
  limit?: number;

  @ApiPropertyOptional({
    example: 'revocation',
    description: 'an action (`revocation.confirmed`) or its leading words (`revocation` matches `revocation.*`)',
  })
  @IsOptional()
  @IsString({ message: 'action must be text' })
  @MaxLength(48, { message: 'action must be at most 48 characters' })
  @Matches(AUDIT_ACTION_PATTERN, { message: 'action must be dotted lower-case words, e.g. revocation.confirmed' })
  action?: string;

  @ApiPropertyOptional({ example: 'amr-revoker', description: 'the officer’s username, `cli:<user>` or `system`' })
  @IsOptional()
  @IsString({ message: 'actor must be text' })
  @MaxLength(64, { message: 'actor must be at most 64 characters' })
  @HasNoInvisibleCharacters()
  actor?: string;

  @ApiPropertyOptional({ enum: AUTHORITY_IDS })
  @IsOptional()
  @IsIn(AUTHORITY_IDS, { message: `authority must be one of ${AUTHORITY_IDS.join(', ')}` })
  authority?: string;

  @ApiPropertyOptional({ example: 'ZJZ2026000001', description: 'exactly the subject, e.g. a certificate number' })
  @IsOptional()
  @IsString({ message: 'subject must be text' })
  @MaxLength(64, { message: 'subject must be at most 64 characters' })
  @HasNoInvisibleCharacters()
  subject?: string;

  @ApiPropertyOptional({ example: '2026-11-27', description: 'from this day (China time), inclusive' })
  @IsOptional()
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'from must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'up to this day (China time), inclusive' })
  @IsOptional()
  @IsString(code('DATE_INVALID'))
  @Matches(DATE_SHAPE, { message: 'to must be a date YYYY-MM-DD', ...code('DATE_INVALID') })
  to?: string;
}
