import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateFontsModule } from '../pdf/certificate-fonts.module';
import { CertificateEntity } from './certificate.entity';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  // The fonts only (no PDF endpoints): issuance refuses what the certificate cannot print.
  imports: [TypeOrmModule.forFeature([CertificateEntity]), CertificateFontsModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
