import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '../certificates/certificates.module';
import { BanEntity } from './ban.entity';
import { BansService } from './bans.service';
import { DecisionCaseEntity } from './decision-case.entity';
import { ReinstatementsController, RevocationsController } from './decision-cases.controller';
import { DecisionCasesService } from './decision-cases.service';
import { NoticesPageController } from './notices-page.controller';
import { BansController, PublicRecordsController } from './public-records.controller';
import { RevocationRecordsService } from './revocation-records.service';
import { StatusHistoryEntity } from './status-history.entity';
import { StatusListService } from './status-list.service';

@Module({
  imports: [TypeOrmModule.forFeature([DecisionCaseEntity, BanEntity, StatusHistoryEntity]), CertificatesModule],
  controllers: [RevocationsController, ReinstatementsController, BansController, PublicRecordsController, NoticesPageController],
  providers: [DecisionCasesService, BansService, RevocationRecordsService, StatusListService],
  exports: [BansService, RevocationRecordsService, StatusListService],
})
export class RevocationModule {}
