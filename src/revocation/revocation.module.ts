import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { SigningModule } from '../signing/signing.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { BanEntity } from './ban.entity';
import { BansModule } from './bans.module';
import { CaseListsService } from './case-lists.service';
import { DecisionCaseEntity } from './decision-case.entity';
import { DecisionCasesService } from './decision-cases.service';
import { RevocationRecordsService } from './revocation-records.service';
import { StatusHistoryEntity } from './status-history.entity';
import { StatusListService } from './status-list.service';

/** Revocation, bans and reinstatement, their public records and the status list; the HTTP API is RevocationApiModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DecisionCaseEntity, BanEntity, ApplicantBanEntity, StatusHistoryEntity]),
    CertificatesModule,
    SigningModule,
    AuditModule,
    TransparencyModule,
    BansModule,
  ],
  providers: [DecisionCasesService, CaseListsService, RevocationRecordsService, StatusListService],
  exports: [DecisionCasesService, CaseListsService, BansModule, RevocationRecordsService, StatusListService],
})
export class RevocationModule {}
