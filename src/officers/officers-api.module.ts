import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OfficersController } from './officers.controller';
import { OfficersModule } from './officers.module';

/** An admin's management of their authority's officers, under /api/v1/officers. */
@Module({
  imports: [OfficersModule, AuthModule],
  controllers: [OfficersController],
})
export class OfficersApiModule {}
