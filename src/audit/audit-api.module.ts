import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The auditors' HTTP API, apart from AuditModule so the CLI can write entries without it. */
@Module({ controllers: [AuditController] })
export class AuditApiModule {}
