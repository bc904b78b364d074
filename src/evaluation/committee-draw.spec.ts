import {
  canonicalSnapshot,
  checkDrawFeasible,
  commitmentOf,
  drawCommittee,
  PoolSnapshot,
  rankOf,
  SeatPlan,
  sha256Hex,
  SnapshotMember,
  verifyDraw,
} from './committee-draw';
import type { Specialty } from '../common/qualifications';

const SEED = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';
const OTHER_SEED = 'b3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';

/** 60 members: E001–E060, specialties in turn, every fifth in the chair pool, every third a vice-chair candidate. */
function snapshot(count = 60): PoolSnapshot {
  const specialties: Specialty[] = ['quality', 'metrology', 'standardization', 'special-equipment'];
  const members: SnapshotMember[] = Array.from({ length: count }, (_, i) => ({
    code: `E${String(i + 1).padStart(3, '0')}`,
    specialty: specialties[i % 4],
    chair: i % 5 === 0,
    viceChair: i % 3 === 0,
  }));
  return { level: 'professor', asOf: '2026-11-27', members: members.reverse() };
}
const PLAN: SeatPlan = {
  committeeSize: 25,
  viceChairs: 2,
  seats: { quality: 9, metrology: 7, standardization: 5, 'special-equipment': 4 },
};

describe('committee draw', () => {
  it('commits with SHA-256 of the seed text and ranks with HMAC-SHA256 keyed by it (known answers, docs/evaluation.md)', () => {
    expect(commitmentOf(SEED)).toBe(sha256Hex(SEED));
    expect(commitmentOf(SEED)).toMatch(/^[0-9a-f]{64}$/);
    expect(rankOf(SEED, 'member', 'E001')).toBe(KNOWN_RANK);
    expect(
      canonicalSnapshot({
        level: 'senior',
        asOf: '2026-11-27',
        members: [
          { code: 'B', specialty: 'quality', chair: false, viceChair: true },
          { code: 'A', specialty: 'metrology', chair: true, viceChair: false },
        ],
      }),
    ).toBe(
      '{"level":"senior","asOf":"2026-11-27","members":[{"code":"A","specialty":"metrology","chair":true,"viceChair":false},{"code":"B","specialty":"quality","chair":false,"viceChair":true}]}',
    );
  });

  it('fills the seat plan exactly, with one chair and the vice-chairs from their pools', () => {
    const committee = drawCommittee(SEED, snapshot(), PLAN);
    expect(committee).toHaveLength(25);
    expect(new Set(committee.map((m) => m.code)).size).toBe(25);
    for (const [specialty, seats] of Object.entries(PLAN.seats))
      expect(committee.filter((m) => m.specialty === specialty)).toHaveLength(seats);
    expect(committee.map((m) => m.role).slice(0, 3)).toEqual(['chair', 'vice-chair', 'vice-chair']);
    const byCode = new Map(snapshot().members.map((m) => [m.code, m]));
    expect(byCode.get(committee[0].code)?.chair).toBe(true);
    expect(committee.slice(1, 3).every((m) => byCode.get(m.code)?.viceChair)).toBe(true);
  });

  it('is a function of the seed and the snapshot only: the member order of the input does not matter', () => {
    const shuffled = { ...snapshot(), members: [...snapshot().members].sort(() => Math.random() - 0.5) };
    expect(drawCommittee(SEED, shuffled, PLAN)).toEqual(drawCommittee(SEED, snapshot(), PLAN));
    expect(drawCommittee(OTHER_SEED, snapshot(), PLAN)).not.toEqual(drawCommittee(SEED, snapshot(), PLAN));
  });

  it('verifies a published draw, and catches a wrong seed, an edited snapshot or a swapped member', () => {
    const snap = snapshot();
    const record = {
      commitment: commitmentOf(SEED),
      seed: SEED,
      snapshot: snap,
      snapshotSha256: sha256Hex(canonicalSnapshot(snap)),
      seatPlan: PLAN,
      committee: drawCommittee(SEED, snap, PLAN),
    };
    expect(verifyDraw(record)).toMatchObject({
      commitmentMatches: true,
      snapshotMatches: true,
      committeeMatches: true,
      matches: true,
    });
    expect(verifyDraw({ ...record, seed: OTHER_SEED })).toMatchObject({ commitmentMatches: false, matches: false });
    const edited = { ...snap, members: snap.members.slice(1) };
    expect(verifyDraw({ ...record, snapshot: edited })).toMatchObject({ snapshotMatches: false, matches: false });
    const swapped = record.committee.map((m, i) => (i === 5 ? { ...m, code: 'E999' } : m));
    expect(verifyDraw({ ...record, committee: swapped })).toMatchObject({ committeeMatches: false, matches: false });
  });

  it('refuses a snapshot that cannot fill the plan', () => {
    const noChairs = { ...snapshot(), members: snapshot().members.map((m) => ({ ...m, chair: false })) };
    expect(() => drawCommittee(SEED, noChairs, PLAN)).toThrow(
      expect.objectContaining({ code: 'POOL_SPECIALTY_SHORT', details: { role: 'chair', needed: 1 } }),
    );
    expect(() => drawCommittee(SEED, snapshot(), { ...PLAN, seats: { ...PLAN.seats, quality: 16 } })).toThrow(
      expect.objectContaining({ code: 'POOL_SPECIALTY_SHORT' }),
    );
    expect(() => checkDrawFeasible(snapshot(), PLAN)).not.toThrow();
    expect(() => checkDrawFeasible(noChairs, PLAN)).toThrow(expect.objectContaining({ code: 'POOL_SPECIALTY_SHORT' }));
    expect(() => checkDrawFeasible(snapshot(), { ...PLAN, seats: { ...PLAN.seats, quality: 16 } })).toThrow(
      expect.objectContaining({ details: { specialty: 'quality', needed: 16, available: 15 } }),
    );
    const twoVice = {
      ...snapshot(),
      members: snapshot().members.map((m) => ({ ...m, viceChair: m.code === 'E001' || m.code === 'E002' })),
    };
    // E001 is also a chair candidate: if drawn chair, one vice-chair candidate is left for two seats.
    expect(() => checkDrawFeasible(twoVice, PLAN)).toThrow(
      expect.objectContaining({ details: { role: 'vice-chair', needed: 2, available: 1 } }),
    );
    expect(() => checkDrawFeasible(twoVice, { ...PLAN, viceChairs: 1 })).not.toThrow();
  });
});

/** `printf %s 'member:E001' | openssl dgst -sha256 -hmac "$SEED"` gives the same. */
const KNOWN_RANK = 'd4690b1d3c7b693eac08a8139eeb8a9b0efd01ed064aea33cd8e0aa17a18f226';
