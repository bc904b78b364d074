import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { ApplicationsController } from './applications.controller';
import { registerCsvParser } from './csv-body';
import { DrawsController } from './draws.controller';
import { EvaluationModule } from './evaluation.module';
import { MeetingsController } from './meetings.controller';
import { RoundsController } from './rounds.controller';

/** The office's HTTP API for the evaluation round, under /api/v1/evaluation. */
@Module({
  imports: [EvaluationModule, AuthModule],
  controllers: [RoundsController, ApplicationsController, DrawsController, MeetingsController],
})
export class EvaluationApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** CSV uploads to the import endpoints (accepted on those routes only). */
  onModuleInit(): void {
    // An application context without HTTP (the benchmarks) has no adapter: nothing to register.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerCsvParser(fastify);
  }
}
