import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { runMigrationsAsOwner } from './migration-runner';
import { RuntimeRoleCheck } from './runtime-role-check';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // With DATABASE_MIGRATION_URL the owner migrates first; the service then connects as its runtime role.
      useFactory: async (config: AppConfig) => {
        await runMigrationsAsOwner(config.database);
        return { ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 500 };
      },
    }),
  ],
  providers: [TransactionRunner, RuntimeRoleCheck],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
