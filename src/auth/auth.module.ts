import { Global, Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module';
import { AuthController } from './auth.controller';
import { OfficerGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Global()
@Module({
  imports: [OfficersModule],
  controllers: [AuthController],
  providers: [AuthService, OfficerGuard],
  exports: [AuthService, OfficerGuard],
})
export class AuthModule {}
