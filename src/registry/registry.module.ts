import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { VerificationService } from './verification.service';
import { VerificationsController } from './verifications.controller';

@Module({
  imports: [CertificatesModule],
  controllers: [VerificationsController],
  providers: [VerificationService],
  exports: [VerificationService],
})
export class RegistryModule {}
