import {
  canonicalSnapshot,
  checkDrawFeasible,
  commitmentOf,
  drawCommittee,
  drawKey,
  PoolSnapshot,
  rankOf,
  SeatPlan,
  sha256Hex,
  SnapshotMember,
} from './committee-draw';
import { verifyDraw } from './draw-verification';
import type { Specialty } from '../common/qualifications';

const SEED = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';
const OTHER_SEED = 'b3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';
const WITNESS = '03 09 14 21 27 33 + 08';
const KEY = drawKey(SEED, WITNESS);

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
  it('commits with SHA-256 of the seed text and ranks with HMAC-SHA256 keyed by SHA-256(seed, 0x00, witness) (known answers, docs/evaluation.md)', () => {
    expect(commitmentOf(SEED)).toBe(sha256Hex(SEED));
    expect(commitmentOf(SEED)).toMatch(/^[0-9a-f]{64}$/);
    expect(KEY.toString('hex')).toBe(KNOWN_KEY);
    expect(rankOf(KEY, 'member', 'E001')).toBe(KNOWN_RANK);
    // A draw recorded before witnesses is keyed with the seed's characters, as it was.
    expect(rankOf(drawKey(SEED, null), 'member', 'E001')).toBe(KNOWN_RANK_WITHOUT_WITNESS);
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
    const committee = drawCommittee(KEY, snapshot(), PLAN);
    expect(committee).toHaveLength(25);
    expect(new Set(committee.map((m) => m.code)).size).toBe(25);
    for (const [specialty, seats] of Object.entries(PLAN.seats))
      expect(committee.filter((m) => m.specialty === specialty)).toHaveLength(seats);
    expect(committee.map((m) => m.role).slice(0, 3)).toEqual(['chair', 'vice-chair', 'vice-chair']);
    const byCode = new Map(snapshot().members.map((m) => [m.code, m]));
    expect(byCode.get(committee[0].code)?.chair).toBe(true);
    expect(committee.slice(1, 3).every((m) => byCode.get(m.code)?.viceChair)).toBe(true);
  });

  it('is a function of the seed, the witness and the snapshot only: the member order of the input does not matter', () => {
    const shuffled = { ...snapshot(), members: [...snapshot().members].sort(() => Math.random() - 0.5) };
    expect(drawCommittee(KEY, shuffled, PLAN)).toEqual(drawCommittee(KEY, snapshot(), PLAN));
    expect(drawCommittee(drawKey(OTHER_SEED, WITNESS), snapshot(), PLAN)).not.toEqual(
      drawCommittee(KEY, snapshot(), PLAN),
    );
    // The witness changes the committee: the office cannot know it when it commits to the seed.
    expect(drawCommittee(drawKey(SEED, '03 09 14 21 27 33 + 09'), snapshot(), PLAN)).not.toEqual(
      drawCommittee(KEY, snapshot(), PLAN),
    );
    // The witness changes the committee: the office cannot know it when it commits to the seed.
    expect(drawCommittee(drawKey(SEED, '03 09 14 21 27 33 + 09'), snapshot(), PLAN)).not.toEqual(
      drawCommittee(KEY, snapshot(), PLAN),
    );
  });

  it('verifies a published draw, and catches a wrong seed, an edited snapshot or a swapped member', () => {
    const snap = snapshot();
    const record = {
      commitment: commitmentOf(SEED),
      seed: SEED,
      witness: WITNESS,
      snapshot: snap,
      snapshotSha256: sha256Hex(canonicalSnapshot(snap)),
      seatPlan: PLAN,
      committee: drawCommittee(KEY, snap, PLAN),
      conflicts: [],
      withdrawals: [],
    };
    expect(verifyDraw(record)).toMatchObject({
      commitmentMatches: true,
      snapshotMatches: true,
      committeeMatches: true,
      matches: true,
    });
    expect(verifyDraw({ ...record, seed: OTHER_SEED })).toMatchObject({ commitmentMatches: false, matches: false });
    expect(verifyDraw({ ...record, witness: '03 09 14 21 27 33 + 09' })).toMatchObject({
      commitmentMatches: true,
      committeeMatches: false,
      matches: false,
    });
    const edited = { ...snap, members: snap.members.slice(1) };
    expect(verifyDraw({ ...record, snapshot: edited })).toMatchObject({ snapshotMatches: false, matches: false });
    const swapped = record.committee.map((m, i) => (i === 5 ? { ...m, code: 'E999' } : m));
    expect(verifyDraw({ ...record, committee: swapped })).toMatchObject({ committeeMatches: false, matches: false });
  });

  it('refuses a snapshot that cannot fill the plan', () => {
    const noChairs = { ...snapshot(), members: snapshot().members.map((m) => ({ ...m, chair: false })) };
    expect(() => drawCommittee(KEY, noChairs, PLAN)).toThrow(
      expect.objectContaining({ code: 'POOL_SPECIALTY_SHORT', details: { role: 'chair', needed: 1 } }),
    );
    expect(() => drawCommittee(KEY, snapshot(), { ...PLAN, seats: { ...PLAN.seats, quality: 16 } })).toThrow(
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

/** `{ printf %s "$SEED"; printf '\000'; printf %s "$WITNESS"; } | sha256sum` gives the same. */
const KNOWN_KEY = 'b05180f2fb6c9bee931ae69c65e64a944b49a8a67a566367c7979fa80061ac33';
/** `printf %s 'member:E001' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY` gives the same. */
const KNOWN_RANK = 'c14223f578e1640abfc016653df710a622b98438667961578a67466d63419a6c';
/** `printf %s 'member:E001' | openssl dgst -sha256 -hmac "$SEED"`: the key of draws before witnesses. */
const KNOWN_RANK_WITHOUT_WITNESS = 'd4690b1d3c7b693eac08a8139eeb8a9b0efd01ed064aea33cd8e0aa17a18f226';
