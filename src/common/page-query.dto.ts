import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { canonicalId, canonicalInteger } from './id-param.pipe';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Keyset paging of an office list, newest first: `before` is the last id of the previous page.
 * A query string is text: only a canonical decimal becomes a number (anything else stays text
 * and fails IsInt), so `1e3` or `0x10` never page somewhere unexpected.
 */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => canonicalInteger(value) ?? value)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'the id of the last item of the previous page (nextBefore)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => canonicalId(value) ?? value)
  @IsInt({ message: 'before must be an id' })
  before?: number;
}

/** One page of a list and the cursor of the next (null on the last page). */
export function page<T extends { id: number }>(rows: T[], limit: number): { rows: T[]; nextBefore: number | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, nextBefore: more ? kept[kept.length - 1].id : null };
}
