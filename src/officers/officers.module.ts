import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OfficerEntity } from './officer.entity';
import { OfficerManagementService } from './officer-management.service';
import { OfficersService } from './officers.service';

@Module({
  imports: [TypeOrmModule.forFeature([OfficerEntity]), AuditModule],
  providers: [OfficersService, OfficerManagementService],
  exports: [OfficersService, OfficerManagementService],
})
export class OfficersModule {}
