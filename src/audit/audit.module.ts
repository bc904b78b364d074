import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The append-only audit log; global because every module that changes state records it. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
