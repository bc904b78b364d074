import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RequireRole } from '../auth/auth.guard';
import type { AuditEntryEntity } from './audit-entry.entity';
import type { ChainCheck } from './audit-chain';
import { AuditService } from './audit.service';
import { canonicalInteger } from '../common/id-param.pipe';

/** Query numbers in canonical decimal only (`1e3`, ` 1`, `0x1` stay text and fail IsInt). */
const toCanonicalInteger = ({ value }: { value: unknown }): unknown => canonicalInteger(value) ?? value;

export class AuditQueryDto {
  @IsOptional()
  @Transform(toCanonicalInteger)
  @IsInt()
  @Min(0)
  after?: number;

  @IsOptional()
  @Transform(toCanonicalInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

@ApiTags('office')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('entries')
  @RequireRole('auditor')
  @ApiOperation({ summary: 'Audit log entries after a sequence number, oldest first' })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({ name: 'limit', required: false })
  entries(@Query() query: AuditQueryDto): Promise<AuditEntryEntity[]> {
    return this.audit.list(query.after ?? 0, query.limit ?? 100);
  }

  @Get('verification')
  @RequireRole('auditor')
  @ApiOperation({ summary: 'Check the hash chain; names the first broken entry' })
  verify(): Promise<ChainCheck> {
    return this.audit.verify();
  }
}
