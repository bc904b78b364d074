import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthModule } from './auth.module';

/** The officers' sign-in, under /api/v1/auth. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController],
})
export class AuthApiModule {}
