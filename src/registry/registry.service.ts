import { Injectable } from '@nestjs/common';
import type { CertificateStatus } from '../certificates/certificate.entity';
import { CertificatesService, type PublicRecordFields } from '../certificates/certificates.service';
import { publicFacts } from '../certificates/public-facts';
import { AppError } from '../common/app-error';
import { isCalendarDate } from '../common/formats';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { idNumberProblem } from '../common/id-number';
import { normalizeTypedCode } from '../common/text-input';
import type { RegistryCertificateDto, RegistryRevocationDto } from './dto/registry-certificate.dto';

/**
 * The public facts of revocation decisions, by certificate number: the seam to the revocation
 * module, bound in registry.module.ts to its RevocationRecordsService. Asked only for revoked
 * certificates, so the lookup of a valid one costs no second query.
 */
export abstract class RevocationDetails {
  abstract forCertificates(certificateNos: string[]): Promise<Map<string, RegistryRevocationDto>>;
  /** The status in force on a date, from the status history; null before the certificate existed. */
  abstract statusOn(certificateNo: string, date: string): Promise<CertificateStatus | null>;
}

function publicRecord(
  record: PublicRecordFields,
  revocation: RegistryRevocationDto | undefined,
): RegistryCertificateDto {
  return {
    ...publicFacts(record),
    status: record.status,
    revocation: record.status === 'REVOKED' ? (revocation ?? null) : null,
  };
}

/** The public registry: read-only lookups by certificate number, or by name and full ID number. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly revocations: RevocationDetails,
    private readonly clock: Clock,
  ) {}

  /**
   * The record of a certificate number; a malformed number is CERTIFICATE_NO_INVALID. With
   * `at`, `status` is the one in force on that date (and `revocation` the one in force today,
   * if that status is REVOKED); a date before the issue finds nothing.
   */
  async byNumber(certificateNo: string, at?: unknown): Promise<RegistryCertificateDto> {
    if (at !== undefined && !isCalendarDate(at)) throw new AppError('DATE_INVALID', 'at must be one date YYYY-MM-DD.');
    const found = await this.findByNumber(certificateNo);
    const status = found && at !== undefined ? await this.revocations.statusOn(certificateNo, at) : found?.status;
    if (!found || !status)
      throw new AppError(
        'CERTIFICATE_NOT_FOUND',
        `The registry has no certificate ${certificateNo}${at ? ` on ${at}` : ''}.`,
      );
    return status === found.status
      ? found
      : { ...found, status, revocation: status === 'REVOKED' ? found.revocation : null };
  }

  async findByNumber(certificateNo: string): Promise<RegistryCertificateDto | undefined> {
    const record = await this.certificates.findPublicByNumber(certificateNo);
    return record ? (await this.present([record]))[0] : undefined;
  }

  /**
   * Certificates of one person: exact name and full ID number, never the name alone. The ID
   * number must pass its GB 11643 check; the error never repeats it. A lowercase final x is
   * accepted, as people type it.
   */
  async byHolder(name: string, idNumber: string): Promise<RegistryCertificateDto[]> {
    const id = normalizeTypedCode(idNumber);
    const problem = idNumberProblem(id, chinaDate(this.clock.now()));
    if (problem !== undefined) throw new AppError('ID_NUMBER_INVALID', `The ID number ${problem}.`);
    return this.present(await this.certificates.findByHolder(name.trim(), id));
  }

  private async present(records: PublicRecordFields[]): Promise<RegistryCertificateDto[]> {
    const revoked = records.filter((r) => r.status === 'REVOKED').map((r) => r.certificateNo);
    const details =
      revoked.length > 0 ? await this.revocations.forCertificates(revoked) : new Map<string, RegistryRevocationDto>();
    return records.map((record) => publicRecord(record, details.get(record.certificateNo)));
  }
}
