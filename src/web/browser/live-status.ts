/**
 * The registry's side: POST /api/v1/verifications with the token. The server repeats the
 * signature checks, compares the payload with the registry byte for byte, and for a revoked
 * certificate adds the revocation details. The last answer per certificate is kept in
 * localStorage to say "when the status was last known" offline.
 */
import type { VerificationResultDto } from '../../registry/dto/verification-result.dto';
import type { RegistryExtras } from './labels';
import type { KnownStatus, LiveStatus } from './verdict';

const STORAGE_PREFIX = 'zjzc.status.v1.';

export interface LiveAnswer {
  live: LiveStatus;
  /** The facts the token leaves out, when the registry answered with the certificate. */
  extras: RegistryExtras | null;
}

function remember(certificateNo: string, status: KnownStatus): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + certificateNo, JSON.stringify(status));
  } catch {
    // Nothing to remember with: the next offline visit says no earlier answer is known.
  }
}

export function lastKnown(certificateNo: string): KnownStatus | null {
  try {
    const text = localStorage.getItem(STORAGE_PREFIX + certificateNo);
    return text ? (JSON.parse(text) as KnownStatus) : null;
  } catch {
    return null;
  }
}

/** Asks the registry; any failure to get an answer (offline, blocked, 429, 5xx) is "unreachable", a 429 marked busy. */
export async function fetchLiveStatus(token: string, certificateNo: string): Promise<LiveAnswer> {
  let result: VerificationResultDto;
  let busy = false;
  try {
    const response = await fetch('/api/v1/verifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
    });
    busy = response.status === 429;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    result = (await response.json()) as VerificationResultDto;
  } catch {
    return { live: { kind: 'unreachable', lastKnown: lastKnown(certificateNo), busy }, extras: null };
  }
  const status: KnownStatus = {
    verdict: result.verdict,
    reasons: result.reasons.map((r) => r.code),
    revocation: result.verdict === 'REVOKED' ? result.revocation : null,
    checkedAt: result.checkedAt,
  };
  remember(certificateNo, status);
  return { live: { kind: 'answered', status }, extras: result.certificate };
}
