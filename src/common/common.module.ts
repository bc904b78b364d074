import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock, FixedClock, SystemClock } from './clock';

/** The clock is the machine's, except in a test run that fixes it (CLOCK_FIXED_AT). */
function clockFor(config: AppConfig): Clock {
  return config.clockFixedAt ? new FixedClock(config.clockFixedAt) : new SystemClock();
}

@Global()
@Module({ providers: [{ provide: Clock, inject: [APP_CONFIG], useFactory: clockFor }], exports: [Clock] })
export class CommonModule {}
