import { Module } from '@nestjs/common';
import { AuditApiModule } from './audit/audit-api.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarApiModule } from './calendar/calendar-api.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EvaluationApiModule } from './evaluation/evaluation-api.module';
import { HealthModule } from './health/health.module';
import { KeysModule } from './keys/keys.module';
import { PdfModule } from './pdf/pdf.module';
import { RegistryModule } from './registry/registry.module';
import { RevocationModule } from './revocation/revocation.module';
import { SigningModule } from './signing/signing.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule,
    AuditModule,
    AuditApiModule,
    KeysModule,
    SigningModule,
    AuthModule,
    CertificatesModule,
    RegistryModule,
    RevocationModule,
    CalendarApiModule,
    EvaluationApiModule,
    PdfModule,
    HealthModule,
    WebModule,
  ],
})
export class AppModule {}
