import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DATABASE_SCHEMA } from '../database-schema';
import { DatabaseModule } from '../database/database.module';
import { OfficersModule } from '../officers/officers.module';
import { AuditModule } from '../audit/audit.module';
import { AuditVerifyCommand } from './audit-verify.command';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CalendarImportCommand } from './calendar-import.command';
import { DrawCommitCommand, DrawRunCommand, DrawSeedCommand, DrawVerifyCommand } from './draw.commands';
import { EvaluationApplicationsImportCommand, EvaluationPoolImportCommand } from './evaluation-import.command';
import { EvaluationIssueCommand } from './evaluation-issue.command';
import { EvaluationMeetingCommand } from './evaluation-meeting.command';
import { EvaluationPublishCommand } from './evaluation-publish.command';
import { KeysRotateCommand } from './keys-rotate.command';
import { OfficerAddCommand } from './officer-add.command';

/** Office commands: each parses its arguments and calls one service method. */
@Module({
  // Service modules only: no controllers, so no guards to satisfy.
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forRoot(DATABASE_SCHEMA),
    AuditModule,
    OfficersModule,
    EvaluationModule,
    CalendarModule,
  ],
  providers: [
    OfficerAddCommand,
    KeysRotateCommand,
    AuditVerifyCommand,
    // the evaluation round (docs/evaluation.md)
    EvaluationPoolImportCommand,
    EvaluationApplicationsImportCommand,
    DrawSeedCommand,
    DrawCommitCommand,
    DrawRunCommand,
    DrawVerifyCommand,
    EvaluationMeetingCommand,
    EvaluationPublishCommand,
    EvaluationIssueCommand,
    // the holiday calendar (docs/calendar.md)
    CalendarImportCommand,
  ],
})
export class CliModule {}
