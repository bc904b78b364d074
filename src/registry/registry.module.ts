import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { RevocationModule } from '../revocation/revocation.module';
import { RegistryController } from './registry.controller';
import { RegistryService, RevocationDetails } from './registry.service';
import { RevocationRecordsService } from '../revocation/revocation-records.service';
import { VerificationService } from './verification.service';
import { VerificationsController } from './verifications.controller';

@Module({
  imports: [CertificatesModule, RevocationModule],
  controllers: [VerificationsController, RegistryController],
  providers: [VerificationService, RegistryService, { provide: RevocationDetails, useExisting: RevocationRecordsService }],
  exports: [VerificationService, RegistryService],
})
export class RegistryModule {}
