import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { KeysModule } from '../keys/keys.module';
import { ActWriter } from './act-writer';
import { LogTilesService } from './log-tiles.service';
import { TransparencyLogService } from './transparency-log.service';

/** The public transparency log: appended to by every module that issues or decides, read by the registry and the CLI. */
@Module({
  imports: [KeysModule, AuditModule],
  providers: [TransparencyLogService, LogTilesService, ActWriter],
  exports: [TransparencyLogService, LogTilesService, ActWriter],
})
export class TransparencyModule {}
