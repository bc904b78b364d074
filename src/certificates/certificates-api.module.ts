import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesModule } from './certificates.module';

/** The office's HTTP API for issuing and reading certificates, under /api/v1/certificates. */
@Module({
  imports: [CertificatesModule, AuthModule],
  controllers: [CertificatesController],
})
export class CertificatesApiModule {}
