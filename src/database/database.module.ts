import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions, type DatabaseSchema } from './data-source';
import { runMigrationsAsOwner } from './migration-runner';
import { RateLimiters } from './rate-limiters';
import { RuntimeRoleCheck } from './runtime-role-check';
import { TransactionRunner } from './transaction-runner';

/**
 * The connection, global like Config and Common: every feature's repositories and the
 * TransactionRunner come from it. The wiring root gives the schema (src/database-schema.ts),
 * so this folder imports no feature.
 */
@Module({})
export class DatabaseModule {
  static forRoot(schema: DatabaseSchema): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          // With DATABASE_MIGRATION_URL the owner migrates first; the service then connects as its runtime role.
          useFactory: async (config: AppConfig) => {
            await runMigrationsAsOwner(config.database, schema);
            return {
              ...dataSourceOptions(config.database, schema, config.databaseTimeouts),
              retryAttempts: 2,
              retryDelay: 500,
            };
          },
        }),
      ],
      providers: [TransactionRunner, RuntimeRoleCheck, RateLimiters],
      exports: [TransactionRunner, RateLimiters],
    };
  }
}
