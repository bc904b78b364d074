import { Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module';
import { SigningModule } from '../signing/signing.module';
import { OfficerGuard } from './auth.guard';
import { AuthService } from './auth.service';

/**
 * Officers' access tokens and the guard of the office's endpoints: every `*-api.module.ts`
 * with a guarded controller imports it; the HTTP sign-in is AuthApiModule.
 */
@Module({
  imports: [OfficersModule, SigningModule],
  providers: [AuthService, OfficerGuard],
  exports: [AuthService, OfficerGuard],
})
export class AuthModule {}
