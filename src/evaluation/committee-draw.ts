import { createHash, createHmac } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { Level, Specialty } from '../common/qualifications';

/**
 * The committee draw (三.二.3 "随机抽取"; 五.二 supervision of the draw), as a deterministic
 * function of a seed the office committed to beforehand, a public witness value published only
 * after the commitment, the frozen pool snapshot and the seat plan, so anyone can recompute it.
 * docs/evaluation.md states the algorithm for third parties; change nothing here without
 * changing it there (old draws must still verify).
 */

export interface SnapshotMember {
  /** The expert's code in the pool (编号); names are not in the public snapshot. */
  code: string;
  specialty: Specialty;
  /** In the chair pool (主任委员库). */
  chair: boolean;
  /** In the vice-chair pool (副主任委员库). */
  viceChair: boolean;
}

/** The members eligible on `asOf`, frozen when the office commits to its seed. */
export interface PoolSnapshot {
  level: Level;
  asOf: string;
  members: SnapshotMember[];
}

export interface SeatPlan {
  committeeSize: number;
  viceChairs: number;
  /** Seats per specialty, in the level's specialty order. */
  seats: Record<string, number>;
}

export type CommitteeRole = 'chair' | 'vice-chair' | 'member';

export interface DrawnMember {
  code: string;
  specialty: Specialty;
  role: CommitteeRole;
}

/** A seed is 32 random bytes written as 64 lowercase hex characters. */
export const SEED_PATTERN = /^[0-9a-f]{64}$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The published commitment: SHA-256 of the seed's 64 characters (`printf %s "$SEED" | sha256sum`). */
export function commitmentOf(seed: string): string {
  return sha256Hex(seed);
}

/** The snapshot as the exact text that is hashed: members sorted by code, fixed key order, no spaces. */
export function canonicalSnapshot(snapshot: PoolSnapshot): string {
  const members = [...snapshot.members]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((m) => ({ code: m.code, specialty: m.specialty, chair: m.chair, viceChair: m.viceChair }));
  return JSON.stringify({ level: snapshot.level, asOf: snapshot.asOf, members });
}

export function canonicalSeatPlan(plan: SeatPlan): string {
  return JSON.stringify({ committeeSize: plan.committeeSize, viceChairs: plan.viceChairs, seats: plan.seats });
}

/**
 * The key every rank is computed with: SHA-256(seed characters || 0x00 || witness as UTF-8), 32
 * bytes. The office commits to the seed before the witness is published, so it cannot try seeds
 * against the pool. A draw recorded before witnesses existed (`witness` null) is keyed with the
 * seed's characters, as it was then.
 */
export function drawKey(seed: string, witness: string | null): Buffer {
  if (witness === null) return Buffer.from(seed, 'utf8');
  return createHash('sha256')
    .update(Buffer.from(seed, 'utf8'))
    .update(Buffer.from([0]))
    .update(Buffer.from(witness, 'utf8'))
    .digest();
}

/** HMAC-SHA256 keyed with the draw key over "<purpose>:<code>", as hex: lower ranks first. */
export function rankOf(key: Buffer, purpose: CommitteeRole, code: string): string {
  return createHmac('sha256', key).update(`${purpose}:${code}`, 'utf8').digest('hex');
}

/** Members in rank order for `purpose` (equal ranks, which do not happen in practice, by code). */
export function ranked(key: Buffer, purpose: CommitteeRole, members: SnapshotMember[]): SnapshotMember[] {
  return members
    .map((member) => ({ member, rank: rankOf(key, purpose, member.code) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.member.code < b.member.code ? -1 : 1))
    .map(({ member }) => member);
}

export function short(what: string, details: Record<string, unknown>): AppError {
  return new AppError('POOL_SPECIALTY_SHORT', `The pool snapshot has too few eligible ${what}.`, details);
}

/**
 * Draws the committee: first the chair (lowest chair rank among chair-pool members), then the
 * vice-chairs (lowest vice-chair ranks among the rest of the vice-chair pool, skipping anyone
 * whose specialty has no seat left), then each specialty's remaining seats, in the plan's
 * specialty order, from its lowest member ranks. The chair and vice-chairs hold seats of their
 * own specialty. Returns the chair, the vice-chairs in order, then the members.
 */
export function drawCommittee(key: Buffer, snapshot: PoolSnapshot, plan: SeatPlan): DrawnMember[] {
  const left: Record<string, number> = { ...plan.seats };
  const drawn: DrawnMember[] = [];
  const taken = new Set<string>();
  const take = (m: SnapshotMember, role: CommitteeRole) => {
    drawn.push({ code: m.code, specialty: m.specialty, role });
    taken.add(m.code);
    left[m.specialty] -= 1;
  };
  const inPlan = snapshot.members.filter((m) => (left[m.specialty] ?? 0) > 0);
  const [chair] = ranked(
    key,
    'chair',
    inPlan.filter((m) => m.chair),
  );
  if (!chair) throw short('chair candidates', { role: 'chair', needed: 1 });
  take(chair, 'chair');
  const viceCandidates = ranked(
    key,
    'vice-chair',
    inPlan.filter((m) => m.viceChair && !taken.has(m.code)),
  );
  for (const m of viceCandidates) {
    if (drawn.length > plan.viceChairs) break;
    if (left[m.specialty] > 0) take(m, 'vice-chair');
  }
  if (drawn.length < 1 + plan.viceChairs)
    throw short('vice-chair candidates', { role: 'vice-chair', needed: plan.viceChairs });
  for (const specialty of Object.keys(plan.seats)) {
    const candidates = ranked(
      key,
      'member',
      inPlan.filter((m) => m.specialty === specialty && !taken.has(m.code)),
    );
    if (candidates.length < left[specialty])
      throw short(`members of ${specialty}`, { specialty, needed: plan.seats[specialty] });
    for (const m of candidates.slice(0, left[specialty])) take(m, 'member');
  }
  return drawn;
}

/**
 * Refuses, before any seed is committed, a snapshot from which the draw could fail for some
 * seed: each specialty needs members for its seats, there must be a chair candidate, and
 * enough vice-chair candidates even if the chair drawn is one of them and each specialty keeps
 * a seat for the chair.
 */
export function checkDrawFeasible(snapshot: PoolSnapshot, plan: SeatPlan): void {
  for (const [specialty, seats] of Object.entries(plan.seats)) {
    const available = snapshot.members.filter((m) => m.specialty === specialty).length;
    if (available < seats)
      throw short(`members of ${specialty}: ${available} for ${seats} seats`, { specialty, needed: seats, available });
  }
  if (!snapshot.members.some((m) => m.chair))
    throw short('chair candidates', { role: 'chair', needed: 1, available: 0 });
  const overlap = snapshot.members.some((m) => m.chair && m.viceChair) ? 1 : 0;
  const usable = Object.entries(plan.seats).reduce(
    (sum, [specialty, seats]) =>
      sum + Math.min(seats - 1, snapshot.members.filter((m) => m.viceChair && m.specialty === specialty).length),
    0,
  );
  if (usable - overlap < plan.viceChairs)
    throw short('vice-chair candidates', { role: 'vice-chair', needed: plan.viceChairs, available: usable - overlap });
}
