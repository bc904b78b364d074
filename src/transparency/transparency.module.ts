import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { LogTilesService } from './log-tiles.service';
import { TransparencyLogService } from './transparency-log.service';

/** The public transparency log: appended to by every module that issues or decides, read by the registry and the CLI. */
@Module({
  imports: [KeysModule],
  providers: [TransparencyLogService, LogTilesService],
  exports: [TransparencyLogService, LogTilesService],
})
export class TransparencyModule {}
