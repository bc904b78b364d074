import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BanEntity } from './ban.entity';
import { BansService } from './bans.service';

/**
 * Reading bans: whether a person is barred (四.四.3). Apart from RevocationModule, which writes
 * them and depends on certificates, so that issuance can ask without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([BanEntity])],
  providers: [BansService],
  exports: [BansService],
})
export class BansModule {}
