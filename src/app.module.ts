import { Module } from '@nestjs/common';
import { AuditApiModule } from './audit/audit-api.module';
import { AuthApiModule } from './auth/auth-api.module';
import { CalendarApiModule } from './calendar/calendar-api.module';
import { CertificatesApiModule } from './certificates/certificates-api.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DATABASE_SCHEMA } from './database-schema';
import { DatabaseModule } from './database/database.module';
import { EvaluationApiModule } from './evaluation/evaluation-api.module';
import { HealthApiModule } from './health/health-api.module';
import { KeysApiModule } from './keys/keys-api.module';
import { OfficersApiModule } from './officers/officers-api.module';
import { PdfApiModule } from './pdf/pdf-api.module';
import { RegistryApiModule } from './registry/registry-api.module';
import { RevocationApiModule } from './revocation/revocation-api.module';
import { TransparencyApiModule } from './transparency/transparency-api.module';
import { WebApiModule } from './web/web-api.module';

/**
 * The HTTP service: the three global modules, then each feature's `*-api.module.ts`, which
 * imports the services it serves (`*.module.ts`) and, for the office's endpoints, AuthModule.
 */
@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forRoot(DATABASE_SCHEMA),
    AuditApiModule,
    KeysApiModule,
    AuthApiModule,
    OfficersApiModule,
    CertificatesApiModule,
    RegistryApiModule,
    RevocationApiModule,
    TransparencyApiModule,
    CalendarApiModule,
    EvaluationApiModule,
    PdfApiModule,
    HealthApiModule,
    WebApiModule,
  ],
})
export class AppModule {}
