import { Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { CertificateFontsModule } from '../pdf/certificate-fonts.module';
import { RevocationModule } from '../revocation/revocation.module';
import { ApplicationEntity } from './application.entity';
import { ApplicationsService } from './applications.service';
import { CommitteeService } from './committee.service';
import { DrawWitnessService } from './draw-witness.service';
import { DrawsService } from './draws.service';
import { ExpertEntity, PoolEntity } from './expert.entity';
import { CommitteeMemberEntity, CommitteeWithdrawalEntity, ObjectionEntity, TallyEntity } from './meeting.entities';
import { MeetingsService } from './meetings.service';
import { PoolsService } from './pools.service';
import { PublicityService } from './publicity.service';
import { RoundIssuanceService } from './round-issuance.service';
import { RoundEntity, RoundHistoryEntity } from './round.entity';
import { RoundsService } from './rounds.service';

/**
 * The evaluation round (docs/evaluation.md): pool, draw, applications, meeting, publicity,
 * issuance. Services only: the CLI uses them directly, the HTTP API is EvaluationApiModule.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PoolEntity,
      ExpertEntity,
      RoundEntity,
      RoundHistoryEntity,
      ApplicationEntity,
      CommitteeMemberEntity,
      CommitteeWithdrawalEntity,
      TallyEntity,
      ObjectionEntity,
    ]),
    AuditModule,
    CalendarModule,
    CertificatesModule,
    CertificateFontsModule,
    RevocationModule,
    OfficersModule,
  ],
  providers: [
    RoundsService,
    PoolsService,
    ApplicationsService,
    CommitteeService,
    DrawWitnessService,
    DrawsService,
    MeetingsService,
    PublicityService,
    RoundIssuanceService,
  ],
  exports: [
    RoundsService,
    PoolsService,
    ApplicationsService,
    CommitteeService,
    DrawWitnessService,
    DrawsService,
    MeetingsService,
    PublicityService,
    RoundIssuanceService,
  ],
})
export class EvaluationModule {}
