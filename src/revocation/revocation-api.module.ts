import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReinstatementsController, RevocationsController } from './decision-cases.controller';
import { BansController, PublicRecordsController } from './public-records.controller';
import { RevocationModule } from './revocation.module';

/** The office's revocation and reinstatement API, the public notices (API; the page is the web module's) and the status list. */
@Module({
  imports: [RevocationModule, AuthModule],
  controllers: [RevocationsController, ReinstatementsController, BansController, PublicRecordsController],
})
export class RevocationApiModule {}
