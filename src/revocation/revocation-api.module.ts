import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApplicantBansController } from './applicant-bans.controller';
import { ApplicantBansModule } from './applicant-bans.module';
import { ReinstatementsController, RevocationsController } from './decision-cases.controller';
import { CaseListsController } from './case-lists.controller';
import { BansController, PublicRecordsController } from './public-records.controller';
import { RevocationModule } from './revocation.module';

/** The office's revocation, reinstatement and applicant-ban API, the public notices (API; the page is the web module's) and the status list. */
@Module({
  imports: [RevocationModule, ApplicantBansModule, AuthModule],
  controllers: [
    RevocationsController,
    ReinstatementsController,
    ApplicantBansController,
    BansController,
    PublicRecordsController,
    CaseListsController,
  ],
})
export class RevocationApiModule {}
