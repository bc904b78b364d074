import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { KeysModule } from '../keys/keys.module';
import { OfficersModule } from '../officers/officers.module';
import { AuditModule } from '../audit/audit.module';
import { AuditVerifyCommand } from './audit-verify.command';
import { AuthModule } from '../auth/auth.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CalendarImportCommand } from './calendar-import.command';
import { SigningModule } from '../signing/signing.module';
import { DrawCommitCommand, DrawRunCommand, DrawSeedCommand, DrawVerifyCommand } from './draw.commands';
import { EvaluationApplicationsImportCommand, EvaluationPoolImportCommand } from './evaluation-import.command';
import { EvaluationIssueCommand } from './evaluation-issue.command';
import { EvaluationMeetingCommand } from './evaluation-meeting.command';
import { EvaluationPublishCommand } from './evaluation-publish.command';
import { KeysRotateCommand } from './keys-rotate.command';
import { OfficerAddCommand } from './officer-add.command';

/** Office commands: each parses its arguments and calls one service method. */
@Module({
  // AuthModule: feature modules (certificates, revocation) declare guarded controllers, whose
  // guard Nest builds even in an application context without HTTP.
  imports: [ConfigModule, CommonModule, DatabaseModule, AuditModule, KeysModule, OfficersModule, SigningModule, AuthModule, EvaluationModule, CalendarModule],
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
