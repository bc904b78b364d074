import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { CertificatesService } from '../certificates/certificates.service';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../certificates/qualifications';
import type { CredentialClaims } from '../signing/credential-claims';
import type { SignatureCheck } from '../signing/credential-verifier';
import { SigningService } from '../signing/signing.service';
import { Reason, reason } from '../signing/verification-reasons';
import type { VerificationResultDto, VerifiedCertificateDto } from './dto/verification-result.dto';

function publicClaims(claims: CredentialClaims): VerifiedCertificateDto {
  return {
    certificateNo: claims.no,
    holderName: claims.name,
    gender: claims.gender,
    idNumberMasked: claims.idm,
    employer: claims.emp,
    level: claims.lvl,
    levelName: LEVEL_NAMES[claims.lvl],
    specialty: claims.spec,
    specialtyName: SPECIALTY_NAMES[claims.spec],
    evaluationYear: claims.year,
    passedOn: claims.passed,
    approvalDocument: claims.doc,
    issuers: claims.iss,
    issuedAt: new Date(claims.iat * 1000).toISOString(),
  };
}

/** The payload of a stored General JWS, read without trusting anything but our own database. */
function storedPayload(credential: string): string {
  return (JSON.parse(credential) as { payload: string }).payload;
}

/**
 * Verification = the pure signature checks, then the registry: the certificate must exist,
 * its payload must be byte for byte the one issued, and its status decides VALID or REVOKED.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly signing: SigningService,
    private readonly certificates: CertificatesService,
    private readonly clock: Clock,
  ) {}

  async verifyCredential(credential: unknown): Promise<VerificationResultDto> {
    const now = this.clock.now();
    return this.withRegistry(await this.signing.checkCredential(credential, now), now);
  }

  private async withRegistry(check: SignatureCheck, now: Date): Promise<VerificationResultDto> {
    const signatures = check.signatures.map(({ authority, kid, valid }) => ({ authority, kid, valid }));
    const result = (verdict: VerificationResultDto['verdict'], reasons: Reason[]): VerificationResultDto => ({
      verdict,
      reasons,
      signatures,
      certificate: verdict === 'INVALID' || !check.claims ? null : publicClaims(check.claims),
      checkedAt: now.toISOString(),
    });
    if (!check.ok || !check.claims) return result('INVALID', check.reasons);
    const record = await this.certificates.findByNumber(check.claims.no).catch(() => undefined);
    if (!record) return result('INVALID', [reason('CERTIFICATE_NOT_FOUND', `The registry has no certificate ${check.claims.no}.`)]);
    if (storedPayload(record.credential) !== check.payload) {
      return result('INVALID', [reason('PAYLOAD_MISMATCH', 'The signed content differs from the certificate the registry holds.')]);
    }
    if (record.status === 'REVOKED') {
      return result('REVOKED', [reason('CERTIFICATE_REVOKED', 'The certificate has been revoked (已撤销).')]);
    }
    return result('VALID', []);
  }
}
