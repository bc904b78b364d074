import type { Settled } from '../database/group-commit';
import type { CertificateEntity } from './certificate.entity';
import type { IssuanceResult } from './certificates.service';
import { randomStatusIndex } from './credential-claims.builder';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';

/**
 * Requests of one level and year sorted before they are written (CertificatesService.planIssuance):
 * each request, by position, is a retry of an existing certificate, a new certificate, or a
 * repeat of a new one's holder within the same requests.
 */
export interface IssuancePlan {
  /** Retries: the existing certificate by request position. */
  existing: Map<number, CertificateEntity>;
  /** Positions that get a new certificate, one per holder, in request order. */
  fresh: number[];
  /** A holder's later request among the same requests: its position, and the slot in `fresh` of the first. */
  repeats: Map<number, number>;
  /** One free status-list index per entry of `fresh`. */
  statusIndices: number[];
}

/** Sorts requests by the certificates their holders already have (by ID number). */
export function sortRequests(requests: IssueCertificateDto[], existing: Map<string, CertificateEntity>): IssuancePlan {
  const plan: IssuancePlan = { existing: new Map(), fresh: [], repeats: new Map(), statusIndices: [] };
  const freshSlot = new Map<string, number>();
  requests.forEach((request, position) => {
    const holder = request.holder.idNumber;
    const found = existing.get(holder);
    const slot = freshSlot.get(holder);
    if (found) plan.existing.set(position, found);
    else if (slot !== undefined) plan.repeats.set(position, slot);
    else {
      freshSlot.set(holder, plan.fresh.length);
      plan.fresh.push(position);
    }
  });
  return plan;
}

/**
 * Each request's answer once the new certificates are written (`written`, one per `fresh` slot):
 * a new one is created; a retry or a repeat is the certificate again, or why it cannot be
 * (`replay`: revoked, or other facts than the certificate's).
 */
export function answersOf(
  plan: IssuancePlan,
  requests: IssueCertificateDto[],
  written: CertificateEntity[],
  replay: (certificate: CertificateEntity, request: IssueCertificateDto) => IssuanceResult,
): Array<Settled<IssuanceResult>> {
  return requests.map((request, position): Settled<IssuanceResult> => {
    const slot = plan.fresh.indexOf(position);
    if (slot >= 0) return { status: 'fulfilled', value: { created: true, certificate: written[slot] } };
    const certificate = plan.existing.get(position) ?? written[plan.repeats.get(position) as number];
    try {
      return { status: 'fulfilled', value: replay(certificate, request) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  });
}

/** `count` distinct random status-list indices, none of them in `besides`. */
export function drawStatusIndices(count: number, besides: Set<number>): number[] {
  const drawn = new Set<number>();
  while (drawn.size < count) {
    const index = randomStatusIndex();
    if (!besides.has(index)) drawn.add(index);
  }
  return [...drawn];
}
