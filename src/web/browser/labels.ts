/** The QR token's one-letter codes in Chinese (docs/qr-token.md), and the page's fact rows. Isomorphic. */
import type { VerifiedCertificateDto } from '../../registry/dto/verification-result.dto';
import type { TokenClaims } from '../../signing/token-claims';
import { certificateRows } from '../page-text';

const LEVELS: Record<TokenClaims['l'], string> = { Z: '正高级工程师', G: '高级工程师' };
const SPECIALTIES: Record<TokenClaims['s'], string> = { Q: '质量', M: '计量', S: '标准化', E: '特种设备' };

/** The facts the registry adds to the token's own; none while offline. */
export type RegistryExtras = Pick<VerifiedCertificateDto, 'gender' | 'idNumberMasked' | 'employer' | 'approvalDocument'>;

/** The rows to show: the token's fields (signed, shown offline too) and the registry's extras. */
export function tokenRows(claims: TokenClaims, extras: RegistryExtras | null): Array<[string, string]> {
  return certificateRows({
    holderName: claims.n,
    levelName: LEVELS[claims.l],
    specialtyName: SPECIALTIES[claims.s],
    passedOn: claims.p,
    certificateNo: claims.no,
    issuedAt: new Date(claims.i * 1000).toISOString(),
    ...(extras ? { gender: extras.gender, idNumberMasked: extras.idNumberMasked, employer: extras.employer, approvalDocument: extras.approvalDocument } : {}),
  });
}
