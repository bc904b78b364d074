import { AuditEntryEntity } from './audit/audit-entry.entity';
import { OfficerSessionEntity } from './auth/officer-session.entity';
import { HolidayScheduleEntity } from './calendar/holiday-schedule.entity';
import { CertificateSequenceEntity } from './certificates/certificate-sequence.entity';
import { CertificateEntity } from './certificates/certificate.entity';
import type { DatabaseSchema } from './database/data-source';
import { InitialSchema1764270000000 } from './database/migrations/1764270000000-initial-schema';
import { RevocationAndAudit1764280000000 } from './database/migrations/1764280000000-revocation-and-audit';
import { EvaluationRounds1764296000000 } from './database/migrations/1764296000000-evaluation-rounds';
import { OnePendingCase1764300000000 } from './database/migrations/1764300000000-one-pending-case';
import { HolidayCalendar1764310000000 } from './database/migrations/1764310000000-holiday-calendar';
import { AppendOnlyHardening1764320000000 } from './database/migrations/1764320000000-append-only-hardening';
import { JointRoundSteps1764330000000 } from './database/migrations/1764330000000-joint-round-steps';
import { DrawWitnessAndWithdrawals1764340000000 } from './database/migrations/1764340000000-draw-witness-and-withdrawals';
import { ApplicantBans1764350000000 } from './database/migrations/1764350000000-applicant-bans';
import { OfficerSessions1764360000000 } from './database/migrations/1764360000000-officer-sessions';
import { SharedRateLimits1764375000000 } from './database/migrations/1764375000000-shared-rate-limits';
import { OfficerCredentialEpoch1764380000000 } from './database/migrations/1764380000000-officer-credential-epoch';
import { TransparencyLog1764370000000 } from './database/migrations/1764370000000-transparency-log';
import { ApplicationEntity } from './evaluation/application.entity';
import { ExpertEntity, PoolEntity } from './evaluation/expert.entity';
import {
  CommitteeMemberEntity,
  CommitteeWithdrawalEntity,
  ObjectionEntity,
  TallyEntity,
} from './evaluation/meeting.entities';
import { RoundEntity, RoundHistoryEntity } from './evaluation/round.entity';
import { OfficerEntity } from './officers/officer.entity';
import { ApplicantBanEntity } from './revocation/applicant-ban.entity';
import { BanEntity } from './revocation/ban.entity';
import { DecisionCaseEntity } from './revocation/decision-case.entity';
import { StatusHistoryEntity } from './revocation/status-history.entity';
import { CheckpointEntity, LogEntryEntity, LogHashEntity } from './transparency/log-entities';

/*
 * Every table's entity and every migration, listed here at the wiring root (beside
 * app.module.ts) rather than in src/database: the root knows every feature, the database
 * layer knows none. The app and the CLI (DatabaseModule.forRoot), the tests and the
 * benchmarks all map and migrate this one schema.
 */

const EVALUATION_ENTITIES = [
  PoolEntity,
  ExpertEntity,
  RoundEntity,
  RoundHistoryEntity,
  ApplicationEntity,
  CommitteeMemberEntity,
  CommitteeWithdrawalEntity,
  TallyEntity,
  ObjectionEntity,
];
export const ENTITIES = [
  CertificateEntity,
  CertificateSequenceEntity,
  OfficerEntity,
  OfficerSessionEntity,
  DecisionCaseEntity,
  BanEntity,
  ApplicantBanEntity,
  StatusHistoryEntity,
  AuditEntryEntity,
  ...EVALUATION_ENTITIES,
  HolidayScheduleEntity,
  LogEntryEntity,
  LogHashEntity,
  CheckpointEntity,
];

export const MIGRATIONS = [
  InitialSchema1764270000000,
  RevocationAndAudit1764280000000,
  EvaluationRounds1764296000000,
  OnePendingCase1764300000000,
  HolidayCalendar1764310000000,
  AppendOnlyHardening1764320000000,
  JointRoundSteps1764330000000,
  DrawWitnessAndWithdrawals1764340000000,
  ApplicantBans1764350000000,
  OfficerSessions1764360000000,
  TransparencyLog1764370000000,
  SharedRateLimits1764375000000,
  OfficerCredentialEpoch1764380000000,
];

export const DATABASE_SCHEMA: DatabaseSchema = { entities: ENTITIES, migrations: MIGRATIONS };
