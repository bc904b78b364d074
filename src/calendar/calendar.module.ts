import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CalendarService } from './calendar.service';
import { HolidayScheduleEntity } from './holiday-schedule.entity';

/**
 * The working-day calendar (docs/calendar.md): the office's imported holiday schedules over the
 * `chinese-days` package. Services only: the CLI uses them directly, the HTTP API is
 * CalendarApiModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([HolidayScheduleEntity]), AuditModule],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
