/** The QR token's one-letter codes in Chinese (docs/qr-token.md), and the page's fact rows. Isomorphic. */
import type { VerifiedCertificateDto } from '../../registry/dto/verification-result.dto';
import { LEVEL_BY_CODE, LEVEL_NAMES, SPECIALTY_BY_CODE, SPECIALTY_NAMES } from '../../common/qualifications';
import type { TokenClaims } from '../../signing/token-claims';
import { certificateRows } from '../page-text';

/** The facts the registry adds to the token's own; none while offline. */
export type RegistryExtras = Pick<
  VerifiedCertificateDto,
  'gender' | 'idNumberMasked' | 'employer' | 'approvalDocument'
>;

/** The rows to show: the token's fields (signed, shown offline too) and the registry's extras. */
export function tokenRows(claims: TokenClaims, extras: RegistryExtras | null): Array<[string, string]> {
  return certificateRows({
    holderName: claims.n,
    levelName: LEVEL_NAMES[LEVEL_BY_CODE[claims.l]],
    specialtyName: SPECIALTY_NAMES[SPECIALTY_BY_CODE[claims.s]],
    passedOn: claims.p,
    certificateNo: claims.no,
    issuedAt: new Date(claims.i * 1000).toISOString(),
    ...(extras
      ? {
          gender: extras.gender,
          idNumberMasked: extras.idNumberMasked,
          employer: extras.employer,
          approvalDocument: extras.approvalDocument,
        }
      : {}),
  });
}
