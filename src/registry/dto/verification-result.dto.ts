import { ApiProperty } from '@nestjs/swagger';
import type { ReasonCode } from '../../signing/verification-reasons';

export type Verdict = 'VALID' | 'REVOKED' | 'INVALID';

export class ReasonDto {
  // A type-only union: say `String`, or the document differs between tsc and transpile-only builds.
  @ApiProperty({ type: String }) code!: ReasonCode;
  @ApiProperty() message!: string;
}

export class SignatureResultDto {
  @ApiProperty({ enum: ['amr', 'hrss'], nullable: true }) authority!: string | null;
  @ApiProperty({ nullable: true }) kid!: string | null;
  @ApiProperty() valid!: boolean;
}

/** The public claims of a verified credential, with English names and Chinese labels. */
export class VerifiedCertificateDto {
  @ApiProperty() certificateNo!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty() gender!: string;
  @ApiProperty() idNumberMasked!: string;
  @ApiProperty() employer!: string;
  @ApiProperty() level!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty() specialtyName!: string;
  @ApiProperty() evaluationYear!: number;
  @ApiProperty() passedOn!: string;
  @ApiProperty() approvalDocument!: string;
  @ApiProperty() issuers!: string[];
  @ApiProperty() issuedAt!: string;
}

export class VerificationRevocationDto {
  @ApiProperty({ example: '2027-03-01' }) revokedOn!: string;
  @ApiProperty({ example: 'falsified-materials' }) reasonCategory!: string;
  @ApiProperty({ example: '伪造、变造申报材料' }) reasonCategoryName!: string;
  @ApiProperty({ example: '浙市监人〔2027〕3号' }) decisionDocument!: string;
  @ApiProperty({ example: '2027-02-20' }) decisionDate!: string;
}

/** The certificate's issuance entry in the transparency log (docs/transparency-log.md). */
export class VerificationLogDto {
  @ApiProperty({ description: '0-based index of the issuance entry (登记序号)' }) index!: number;
  @ApiProperty({ description: 'Size of the latest co-signed checkpoint the proof was checked against' })
  treeSize!: number;
  @ApiProperty({ description: 'The inclusion proof and both checkpoint signatures verified' })
  inclusionVerified!: boolean;
}

export class VerificationResultDto {
  @ApiProperty({ enum: ['VALID', 'REVOKED', 'INVALID'] }) verdict!: Verdict;
  @ApiProperty({ type: [ReasonDto] }) reasons!: ReasonDto[];
  @ApiProperty({ type: [SignatureResultDto] }) signatures!: SignatureResultDto[];
  @ApiProperty({ type: VerifiedCertificateDto, nullable: true }) certificate!: VerifiedCertificateDto | null;
  @ApiProperty({ type: VerificationRevocationDto, nullable: true, description: 'Set when the verdict is REVOKED' })
  revocation!: VerificationRevocationDto | null;
  @ApiProperty({ type: VerificationLogDto, nullable: true, description: 'Null when the certificate is not in the log' })
  log!: VerificationLogDto | null;
  @ApiProperty() checkedAt!: string;
}
