import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficerEntity } from './officer.entity';
import { OfficersService } from './officers.service';

@Module({
  imports: [TypeOrmModule.forFeature([OfficerEntity])],
  providers: [OfficersService],
  exports: [OfficersService],
})
export class OfficersModule {}
