import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth.guard';
import type { ChainCheck } from './audit-chain';
import { AuditService } from './audit.service';
import { AuditEntryDto, ChainCheckDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('office')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('entries')
  @RequireRole('auditor')
  @ApiOperation({
    summary:
      'Audit log entries after a sequence number, oldest first, filtered by action, actor, authority, subject, days',
  })
  @ApiOkResponse({ type: [AuditEntryDto] })
  entries(@Query() { after, limit, ...filter }: AuditQueryDto): Promise<AuditEntryDto[]> {
    return this.audit.list(after ?? 0, limit ?? 100, filter);
  }

  @Get('verification')
  @RequireRole('auditor')
  @ApiOperation({ summary: 'Check the hash chain; names the first broken entry' })
  @ApiOkResponse({ type: ChainCheckDto })
  verify(): Promise<ChainCheck> {
    return this.audit.verify();
  }
}
