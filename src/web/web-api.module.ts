import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NoticesPageController } from './notices-page.controller';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { WebController } from './web.controller';
import { WebModule } from './web.module';

/** The public pages (verification, notices) and the rate limits of every public endpoint. */
@Module({
  imports: [WebModule],
  controllers: [WebController, NoticesPageController],
  // Global, so that every route declaring @PublicRateLimit is counted, whichever module serves it.
  providers: [{ provide: APP_GUARD, useClass: PublicRateLimitGuard }],
})
export class WebApiModule {}
