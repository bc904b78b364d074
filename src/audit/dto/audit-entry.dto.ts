import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the append-only log, exactly as stored and hashed. */
export class AuditEntryDto {
  @ApiProperty({ description: '1, 2, 3, … without gaps' }) seq!: number;
  @ApiProperty({ description: 'ISO-8601 instant' }) at!: string;
  @ApiProperty({ description: 'username, `cli:<user>` or `system`' }) actor!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['amr', 'hrss'] }) authority!: string | null;
  @ApiProperty({ example: 'certificate.issued' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ description: 'JSON text' }) details!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

/** The hash chain's verdict: whole, or the first entry that no longer chains. */
export class ChainCheckDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'entries checked' }) entries!: number;
  @ApiPropertyOptional({ description: 'the first broken entry (ok = false only)' }) brokenAt?: number;
  @ApiPropertyOptional({ description: 'what is wrong with it (ok = false only)' }) problem?: string;
}
