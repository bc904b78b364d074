import { ApiProperty } from '@nestjs/swagger';

/** Liveness and the database's state; `degraded` answers 503. */
export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: string;
  @ApiProperty({ enum: ['up', 'down', 'schema-missing'] }) database!: string;
}
