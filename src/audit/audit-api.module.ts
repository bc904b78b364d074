import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';

/** The auditors' HTTP API, apart from AuditModule so the CLI can write entries without it. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [AuditController],
})
export class AuditApiModule {}
