import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthModule } from './health.module';

/** `GET /api/v1/health`, for load balancers and monitoring. */
@Module({
  imports: [HealthModule],
  controllers: [HealthController],
})
export class HealthApiModule {}
