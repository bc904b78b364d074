import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { KeysModule } from '../keys/keys.module';
import { OfficersModule } from '../officers/officers.module';
import { KeysRotateCommand } from './keys-rotate.command';
import { OfficerAddCommand } from './officer-add.command';

/** Office commands: each parses its arguments and calls one service method. */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule, KeysModule, OfficersModule],
  providers: [OfficerAddCommand, KeysRotateCommand],
})
export class CliModule {}
