import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { KeysModule } from '../keys/keys.module';
import { OfficersModule } from '../officers/officers.module';
import { AuditModule } from '../audit/audit.module';
import { AuditVerifyCommand } from './audit-verify.command';
import { KeysRotateCommand } from './keys-rotate.command';
import { OfficerAddCommand } from './officer-add.command';

/** Office commands: each parses its arguments and calls one service method. */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule, AuditModule, KeysModule, OfficersModule],
  providers: [OfficerAddCommand, KeysRotateCommand, AuditVerifyCommand],
})
export class CliModule {}
