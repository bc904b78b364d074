import { Module } from '@nestjs/common';
import { RegistryController } from './registry.controller';
import { RegistryModule } from './registry.module';
import { VerificationsController } from './verifications.controller';

/** The public registry and verification API, under /api/v1/registry and /api/v1/verifications. */
@Module({
  imports: [RegistryModule],
  controllers: [VerificationsController, RegistryController],
})
export class RegistryApiModule {}
