import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficersModule } from '../officers/officers.module';
import { SigningModule } from '../signing/signing.module';
import { OfficerGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OfficerSessionEntity } from './officer-session.entity';
import { OfficerSessionsService } from './officer-sessions.service';

/**
 * Officers' access tokens, the console's cookie sessions and the guard of the office's
 * endpoints: every `*-api.module.ts` with a guarded controller imports it; the HTTP sign-in is
 * AuthApiModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OfficerSessionEntity]), OfficersModule, SigningModule],
  providers: [AuthService, OfficerSessionsService, OfficerGuard],
  exports: [AuthService, OfficerSessionsService, OfficerGuard],
})
export class AuthModule {}
