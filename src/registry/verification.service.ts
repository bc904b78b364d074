import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { RevocationRecordsService } from '../revocation/revocation-records.service';
import { CertificatesService } from '../certificates/certificates.service';
import { AppError } from '../common/app-error';
import type { CertificateEntity } from '../certificates/certificate.entity';
import type { VerificationRequestDto } from './dto/verification-request.dto';
import type { SignatureCheck } from '../signing/credential-verifier';
import { SigningService } from '../signing/signing.service';
import { Reason, reason } from '../signing/verification-reasons';
import type { VerificationResultDto } from './dto/verification-result.dto';
import { publicFacts } from '../certificates/public-facts';
import { TransparencyLogService, type LogStanding } from '../transparency/transparency-log.service';

/** The payload a certificate was issued with, in the form the request used. */
function issuedPayload(record: CertificateEntity, form: 'credential' | 'token'): string {
  return form === 'credential'
    ? (JSON.parse(record.credential) as { payload: string }).payload
    : record.qrToken.split('.')[1];
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
    private readonly revocations: RevocationRecordsService,
    private readonly clock: Clock,
    private readonly transparencyLog: TransparencyLogService,
  ) {}

  /** Verifies a request carrying exactly one of a credential and a QR token. */
  async verify(request: VerificationRequestDto): Promise<VerificationResultDto> {
    const hasCredential = request.credential !== undefined;
    if (hasCredential === (request.token !== undefined)) {
      throw new AppError('VERIFICATION_REQUEST_INVALID', 'Send exactly one of "credential" and "token".');
    }
    const now = this.clock.now();
    if (hasCredential) {
      const check = await this.signing.checkCredential(request.credential, now);
      return this.withRegistry(check, check.claims?.no, 'credential', now);
    }
    const check = await this.signing.checkToken(request.token, now);
    return this.withRegistry(check, check.claims?.no, 'token', now);
  }

  private async withRegistry(
    check: SignatureCheck<unknown>,
    certificateNo: string | undefined,
    form: 'credential' | 'token',
    now: Date,
  ): Promise<VerificationResultDto> {
    const signatures = check.signatures.map(({ authority, kid, valid }) => ({ authority, kid, valid }));
    const result = (
      verdict: VerificationResultDto['verdict'],
      reasons: Reason[],
      record?: CertificateEntity,
      log: LogStanding | null = null,
    ): VerificationResultDto => ({
      verdict,
      reasons,
      signatures,
      certificate: record ? publicFacts(record) : null,
      revocation: null,
      log,
      checkedAt: now.toISOString(),
    });
    if (!check.ok || certificateNo === undefined) return result('INVALID', check.reasons);
    const record = await this.certificates.findByNumber(certificateNo);
    if (!record)
      return result('INVALID', [reason('CERTIFICATE_NOT_FOUND', `The registry has no certificate ${certificateNo}.`)]);
    if (issuedPayload(record, form) !== check.payload) {
      return result('INVALID', [
        reason('PAYLOAD_MISMATCH', 'The signed content differs from the certificate the registry holds.'),
      ]);
    }
    // A certificate the public log never recorded is not trusted, whatever its signatures say.
    const log = await this.transparencyLog.standingOf(record.certificateNo);
    if (!log)
      return result(
        'INVALID',
        [
          reason(
            'NOT_IN_TRANSPARENCY_LOG',
            'The certificate was never recorded in the public transparency log (未公开登记).',
          ),
        ],
        record,
      );
    if (!log.inclusionVerified)
      return result(
        'INVALID',
        [reason('LOG_PROOF_INVALID', "The transparency log's proof for this certificate does not verify.")],
        record,
        log,
      );
    if (record.status === 'REVOKED') {
      const revocation = await this.revocations.revocationOf(record.certificateNo);
      const because = revocation
        ? `: ${revocation.reasonCategoryName}, ${revocation.decisionDocument}, effective ${revocation.revokedOn}`
        : '';
      return {
        ...result(
          'REVOKED',
          [reason('CERTIFICATE_REVOKED', `The certificate has been revoked (已撤销)${because}.`)],
          record,
          log,
        ),
        revocation,
      };
    }
    return result('VALID', [], record, log);
  }
}
