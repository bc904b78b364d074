import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { CertificateSequenceEntity } from '../certificates/certificate-sequence.entity';
import { CertificateEntity } from '../certificates/certificate.entity';
import { OfficerEntity } from '../officers/officer.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { BanEntity } from '../revocation/ban.entity';
import { DecisionCaseEntity } from '../revocation/decision-case.entity';
import { StatusHistoryEntity } from '../revocation/status-history.entity';
import { InitialSchema1764270000000 } from './migrations/1764270000000-initial-schema';
import { RevocationAndAudit1764280000000 } from './migrations/1764280000000-revocation-and-audit';
import { EvaluationRounds1764296000000 } from './migrations/1764296000000-evaluation-rounds';
import { OnePendingCase1764300000000 } from './migrations/1764300000000-one-pending-case';
import { HolidayCalendar1764310000000 } from './migrations/1764310000000-holiday-calendar';
import { AppendOnlyHardening1764320000000 } from './migrations/1764320000000-append-only-hardening';
import { HolidayScheduleEntity } from '../calendar/holiday-schedule.entity';
import { ApplicationEntity } from '../evaluation/application.entity';
import { ExpertEntity, PoolEntity } from '../evaluation/expert.entity';
import { CommitteeMemberEntity, ObjectionEntity, TallyEntity } from '../evaluation/meeting.entities';
import { RoundEntity, RoundHistoryEntity } from '../evaluation/round.entity';

const EVALUATION_ENTITIES = [PoolEntity, ExpertEntity, RoundEntity, RoundHistoryEntity, ApplicationEntity, CommitteeMemberEntity, TallyEntity, ObjectionEntity];
export const ENTITIES = [CertificateEntity, CertificateSequenceEntity, OfficerEntity, DecisionCaseEntity, BanEntity, StatusHistoryEntity, AuditEntryEntity, ...EVALUATION_ENTITIES, HolidayScheduleEntity];
export const MIGRATIONS = [InitialSchema1764270000000, RevocationAndAudit1764280000000, EvaluationRounds1764296000000, OnePendingCase1764300000000, HolidayCalendar1764310000000, AppendOnlyHardening1764320000000];

/**
 * The data source options for the app, the CLI and the tests alike. Migrations only:
 * `synchronize` is off everywhere, and pending migrations run at start: on this connection,
 * or with DATABASE_MIGRATION_URL through a connection of their own (migration-runner.ts).
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: database.kind === 'sqlite' || database.migrationUrl === undefined, logging: false } as const;
  if (database.kind === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, extra: { max: 10 } };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    // WAL lets readers go on while a write commits; the busy timeout covers a CLI writing
    // while the server runs.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(database: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(database));
}
