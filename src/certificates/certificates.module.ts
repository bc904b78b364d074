import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BansModule } from '../revocation/bans.module';
import { CertificateFontsModule } from '../pdf/certificate-fonts.module';
import { SigningModule } from '../signing/signing.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { CertificateEntity } from './certificate.entity';
import { CertificateBatchService } from './certificate-batch.service';
import { CertificateWriter } from './certificate-writer';
import { CertificatesService } from './certificates.service';
import { LogBackfillService } from './log-backfill.service';

/** Issuing and reading certificates; the HTTP API is CertificatesApiModule. */
@Module({
  // The fonts only (no PDF endpoints): issuance refuses what the certificate cannot print.
  imports: [
    TypeOrmModule.forFeature([CertificateEntity]),
    SigningModule,
    AuditModule,
    CertificateFontsModule,
    TransparencyModule,
    BansModule,
  ],
  providers: [CertificatesService, CertificateBatchService, CertificateWriter, LogBackfillService],
  exports: [CertificatesService, CertificateBatchService, LogBackfillService],
})
export class CertificatesModule {}
