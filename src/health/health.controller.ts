import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

@ApiTags('public')
@Controller('api/v1/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when the database is down)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'degraded'; database: 'up' | 'down' }> {
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref()),
    ]);
    void reply.header('Cache-Control', 'no-store').status(up ? 200 : 503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
  }
}
