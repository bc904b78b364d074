import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../common/database-outage';
import { HealthReportDto } from './health-report.dto';
import { HealthReport, HealthService } from './health.service';

@ApiTags('public')
@Controller('api/v1/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, database reachability and schema (503 when the database is down or empty)' })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'the database is down or empty' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    void reply.header('Cache-Control', 'no-store').status(report.database === 'up' ? 200 : 503);
    if (report.database !== 'up') void reply.header('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    return report;
  }
}
