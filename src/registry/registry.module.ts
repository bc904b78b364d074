import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { RevocationRecordsService } from '../revocation/revocation-records.service';
import { RevocationModule } from '../revocation/revocation.module';
import { SigningModule } from '../signing/signing.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { RegistryService, RevocationDetails } from './registry.service';
import { VerificationService } from './verification.service';

/** The public lookup and the verification of tokens, read-only; the HTTP API is RegistryApiModule. */
@Module({
  imports: [CertificatesModule, RevocationModule, SigningModule, TransparencyModule],
  providers: [
    VerificationService,
    RegistryService,
    { provide: RevocationDetails, useExisting: RevocationRecordsService },
  ],
  exports: [VerificationService, RegistryService],
})
export class RegistryModule {}
