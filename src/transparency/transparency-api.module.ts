import { Module } from '@nestjs/common';
import { LogTilesController, TransparencyLogController } from './transparency-log.controller';
import { TransparencyModule } from './transparency.module';

/** The log's public HTTP API (/api/v1/transparency-log) and its tiles (/log/). */
@Module({
  imports: [TransparencyModule],
  controllers: [TransparencyLogController, LogTilesController],
})
export class TransparencyApiModule {}
