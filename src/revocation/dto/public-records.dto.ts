import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Whether an ID number is barred from applying today (inclusive dates). */
export class BanStatusDto {
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) until!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionDocument!: string | null;
}

export class NoticeBanDto {
  @ApiProperty() from!: string;
  @ApiProperty() until!: string;
}

/** A published disciplinary decision: a revoked certificate, or an applicant barred during a round. */
export class NoticeDto {
  @ApiProperty({ enum: ['REVOCATION', 'APPLICANT_BAN'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an applicant ban' }) certificateNo!:
    string | null;
  @ApiPropertyOptional({ description: 'REVOCATION only' }) effectiveDate?: string;
  @ApiPropertyOptional({ description: 'APPLICANT_BAN only' }) roundId?: number;
  @ApiPropertyOptional({ description: 'APPLICANT_BAN only' }) evaluationYear?: number;
  @ApiProperty() holderName!: string;
  @ApiProperty() idNumberMasked!: string;
  @ApiProperty() employer!: string;
  @ApiProperty() qualification!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty() reasonCategory!: string;
  @ApiProperty() reasonCategoryName!: string;
  @ApiProperty() decisionDocument!: string;
  @ApiProperty() decisionDate!: string;
  @ApiProperty({ type: NoticeBanDto, nullable: true }) ban!: NoticeBanDto | null;
}

export class JwsSignatureDto {
  @ApiProperty({ description: 'base64url protected header' }) protected!: string;
  @ApiProperty({ description: 'base64url signature' }) signature!: string;
}

/** RFC 7515 General JWS JSON Serialization, one signature per authority (docs/status-list.md). */
export class GeneralJwsDto {
  @ApiProperty({ description: 'base64url payload' }) payload!: string;
  @ApiProperty({ type: [JwsSignatureDto] }) signatures!: JwsSignatureDto[];
}
