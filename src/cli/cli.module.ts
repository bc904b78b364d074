import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DATABASE_SCHEMA } from '../database-schema';
import { DatabaseModule } from '../database/database.module';
import { OfficersModule } from '../officers/officers.module';
import { AuditModule } from '../audit/audit.module';
import { AuditVerifyCommand } from './audit-verify.command';
import { LogMonitorCommand } from './log-monitor.command';
import { LogBackfillCommand } from './log-backfill.command';
import { CertificatesModule } from '../certificates/certificates.module';
import { KeysModule } from '../keys/keys.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CalendarImportCommand } from './calendar-import.command';
import {
  DrawCommitCommand,
  DrawRunCommand,
  DrawSeedCommand,
  DrawVerifyCommand,
  DrawWithdrawCommand,
  DrawWitnessCommand,
} from './draw.commands';
import { EvaluationApplicationsImportCommand, EvaluationPoolImportCommand } from './evaluation-import.command';
import { EvaluationIssueCommand } from './evaluation-issue.command';
import { EvaluationMeetingCommand } from './evaluation-meeting.command';
import { KeysRotateCommand } from './keys-rotate.command';
import { OfficerAddCommand } from './officer-add.command';
import { OfficerSignInService } from './officer-sign-in.service';
import { PublicationConfirmCommand, PublicationProposeCommand, PublicationRejectCommand } from './publication.commands';
import { ObjectionAddCommand, ObjectionResolveCommand, PublicityStartCommand } from './publicity.commands';
import { ReportApproveCommand, ReportSubmitCommand } from './report.commands';
import {
  ApplicationsCloseCommand,
  EligibilityCheckCommand,
  RoundCreateCommand,
  RoundShowCommand,
} from './round.commands';
import { TerminalService } from './terminal.service';

/** Office commands: each parses its arguments and calls one service method. */
@Module({
  // Service modules only: no controllers, so no guards to satisfy.
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forRoot(DATABASE_SCHEMA),
    AuditModule,
    CertificatesModule,
    OfficersModule,
    EvaluationModule,
    CalendarModule,
    KeysModule,
  ],
  providers: [
    // officer sign-in and prompts of the commands acting on a round
    TerminalService,
    OfficerSignInService,
    OfficerAddCommand,
    KeysRotateCommand,
    AuditVerifyCommand,
    LogMonitorCommand,
    LogBackfillCommand,
    // the evaluation round (docs/evaluation.md)
    EvaluationPoolImportCommand,
    RoundCreateCommand,
    RoundShowCommand,
    EvaluationApplicationsImportCommand,
    ApplicationsCloseCommand,
    EligibilityCheckCommand,
    DrawSeedCommand,
    DrawCommitCommand,
    DrawWitnessCommand,
    DrawRunCommand,
    DrawWithdrawCommand,
    DrawVerifyCommand,
    ReportSubmitCommand,
    ReportApproveCommand,
    EvaluationMeetingCommand,
    PublicityStartCommand,
    ObjectionAddCommand,
    ObjectionResolveCommand,
    PublicationProposeCommand,
    PublicationConfirmCommand,
    PublicationRejectCommand,
    EvaluationIssueCommand,
    // the holiday calendar (docs/calendar.md)
    CalendarImportCommand,
  ],
})
export class CliModule {}
