import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerFormParser } from './form-body';
import { NoticesPageController } from './notices-page.controller';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { SitePagesController } from './site-pages.controller';
import { WebController } from './web.controller';
import { WebModule } from './web.module';

/** The public pages (landing, verification, download, notices) and the rate limits of every public endpoint. */
@Module({
  imports: [WebModule],
  controllers: [SitePagesController, WebController, NoticesPageController],
  // Global, so that every route declaring @PublicRateLimit is counted, whichever module serves it.
  providers: [{ provide: APP_GUARD, useClass: PublicRateLimitGuard }],
})
export class WebApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** The download form's posts (accepted on that route only). */
  onModuleInit(): void {
    // An application context without HTTP (the benchmarks) has no adapter: nothing to register.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerFormParser(fastify);
  }
}
