import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RegistryModule } from '../registry/registry.module';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { PublicThrottlerGuard } from './public-throttler.guard';
import { WebController } from './web.controller';
import { WebPagesService } from './web-pages.service';

/** The verification page and the rate limits of every public endpoint. */
@Module({
  imports: [
    RegistryModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.publicRateLimitPerMinute }],
        storage: new FixedWindowThrottlerStorage(),
      }),
    }),
  ],
  controllers: [WebController],
  providers: [WebPagesService, { provide: APP_GUARD, useClass: PublicThrottlerGuard }],
})
export class WebModule {}
