import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { ApplicantBansService } from './applicant-bans.service';

/**
 * Deciding applicant bans: apart from RevocationModule because a case names an application of
 * a round, and the evaluation reads bans through RevocationModule (BansService) — this module
 * sits above both, so neither imports the other's way round.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicantBanEntity]), EvaluationModule, AuditModule, TransparencyModule],
  providers: [ApplicantBansService],
  exports: [ApplicantBansService],
})
export class ApplicantBansModule {}
