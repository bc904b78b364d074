import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The append-only audit log: imported by every module that changes state, and by the CLI. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
