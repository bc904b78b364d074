import { Module } from '@nestjs/common';
import { HealthService } from './health.service';

/** The service's health: database reachability and schema; the HTTP route is HealthApiModule. */
@Module({ providers: [HealthService], exports: [HealthService] })
export class HealthModule {}
