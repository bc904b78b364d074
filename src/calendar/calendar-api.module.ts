import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarController } from './calendar.controller';
import { CalendarModule } from './calendar.module';

/** The office's HTTP API for the holiday calendar, under /api/v1/calendar. */
@Module({
  imports: [CalendarModule, AuthModule],
  controllers: [CalendarController],
})
export class CalendarApiModule {}
