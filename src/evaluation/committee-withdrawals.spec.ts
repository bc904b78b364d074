import type { Specialty } from '../common/qualifications';
import {
  canonicalSnapshot,
  commitmentOf,
  drawCommittee,
  drawKey,
  PoolSnapshot,
  rankOf,
  SeatPlan,
  sha256Hex,
} from './committee-draw';
import { automaticWithdrawals, Conflict, findConflicts, replaceWithdrawn } from './committee-withdrawals';
import { verifyDraw } from './draw-verification';

const SEED = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';
const WITNESS = '2026138';
const KEY = drawKey(SEED, WITNESS);
const SPECIALTIES: Specialty[] = ['quality', 'metrology', 'standardization', 'special-equipment'];

/** 80 members E001–E080, specialties in turn, every fifth in the chair pool, every third a vice-chair candidate. */
const SNAPSHOT: PoolSnapshot = {
  level: 'professor',
  asOf: '2026-12-01',
  members: Array.from({ length: 80 }, (_, i) => ({
    code: `E${String(i + 1).padStart(3, '0')}`,
    specialty: SPECIALTIES[i % 4],
    chair: i % 5 === 0,
    viceChair: i % 3 === 0,
  })),
};
const PLAN: SeatPlan = {
  committeeSize: 25,
  viceChairs: 2,
  seats: { quality: 9, metrology: 7, standardization: 5, 'special-equipment': 4 },
};
const drawn = drawCommittee(KEY, SNAPSHOT, PLAN);
const chair = drawn[0];
const specialtyOf = (code: string) => SNAPSHOT.members.find((m) => m.code === code)!;
/** Members of `specialty` outside `taken`, lowest `role` rank first. */
const next = (specialty: string, role: 'chair' | 'member', taken: Set<string>) =>
  SNAPSHOT.members
    .filter((m) => m.specialty === specialty && !taken.has(m.code) && (role === 'member' || m.chair))
    .map((m) => ({ code: m.code, rank: rankOf(KEY, role, m.code) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))[0].code;

describe('conflicts of interest (回避)', () => {
  it('are experts sharing the employer of an applicant of their own specialty, by code, naming the first applicant', () => {
    const conflicts = findConflicts(
      [
        { code: 'E2', specialty: 'quality', affiliation: '浙江省质量科学研究院' },
        { code: 'E1', specialty: 'quality', affiliation: '浙江省 质量科学研究院 ' },
        { code: 'E3', specialty: 'metrology', affiliation: '浙江省质量科学研究院' },
        { code: 'E4', specialty: 'quality', affiliation: '浙江大学' },
      ],
      [
        { name: '林雪', employer: '浙江省质量科学研究院', specialty: 'quality' },
        { name: '周红', employer: '浙江省质量科学研究院', specialty: 'quality' },
        { name: '陈晓峰', employer: '浙江省计量科学研究院', specialty: 'metrology' },
      ],
    );
    expect(conflicts).toEqual([
      { code: 'E1', applicant: '林雪', employer: '浙江省质量科学研究院' },
      { code: 'E2', applicant: '林雪', employer: '浙江省质量科学研究院' },
    ]);
  });

  it('withdraw the drawn chair and members; each seat goes on in the same ranking to the same specialty, skipping conflicts', () => {
    const members = drawn.filter((m) => m.role === 'member' && m.specialty === chair.specialty).slice(0, 4);
    expect(members.length).toBeGreaterThanOrEqual(3);
    const seated = new Set(drawn.map((m) => m.code));
    // The next member in the ranking conflicts too: it is skipped.
    const skipped = next(chair.specialty, 'member', seated);
    const conflicts: Conflict[] = [chair, ...members, { code: skipped }].map((m) => ({
      code: m.code,
      applicant: '林雪',
      employer: '浙江省质量科学研究院',
    }));
    const withdrawals = automaticWithdrawals(drawn, conflicts);
    expect(withdrawals).toEqual([chair, ...members].map((m) => ({ code: m.code, reason: 'same-employer' })));

    const { replacements, sitting } = replaceWithdrawn(KEY, SNAPSHOT, drawn, conflicts, withdrawals);
    const excluded = new Set([...seated, ...conflicts.map((c) => c.code)]);
    const chairReplacement = next(chair.specialty, 'chair', excluded);
    expect(replacements[0].replacement).toEqual({ code: chairReplacement, specialty: chair.specialty, role: 'chair' });
    expect(specialtyOf(chairReplacement).chair).toBe(true);
    excluded.add(chairReplacement);
    const expected = members.map(() => {
      const code = next(chair.specialty, 'member', excluded);
      excluded.add(code);
      return code;
    });
    expect(replacements.slice(1).map((r) => r.replacement.code)).toEqual(expected);
    expect(expected).not.toContain(skipped);
    expect(sitting).toHaveLength(25);
    expect(sitting[0]).toMatchObject({ code: chairReplacement, role: 'chair' });
    expect(sitting.filter((m) => m.specialty === chair.specialty)).toHaveLength(PLAN.seats[chair.specialty]);
    expect(sitting.some((m) => conflicts.some((c) => c.code === m.code))).toBe(false);

    // A declared withdrawal later: the next one again; someone not sitting cannot withdraw.
    const declared = [...withdrawals, { code: expected[0], reason: 'declared' as const }];
    const again = replaceWithdrawn(KEY, SNAPSHOT, drawn, conflicts, declared);
    expect(again.replacements[withdrawals.length].replacement.code).toBe(next(chair.specialty, 'member', excluded));
    expect(() =>
      replaceWithdrawn(KEY, SNAPSHOT, drawn, conflicts, [...withdrawals, { code: chair.code, reason: 'declared' }]),
    ).toThrow(expect.objectContaining({ code: 'NOT_A_COMMITTEE_MEMBER' }));
  });

  it('are verified from the record: a tampered replacement or an omitted withdrawal does not match', () => {
    const conflicts: Conflict[] = [{ code: drawn[5].code, applicant: '林雪', employer: '浙江省质量科学研究院' }];
    const withdrawals = [
      ...automaticWithdrawals(drawn, conflicts),
      { code: drawn[7].code, reason: 'declared' as const },
    ];
    const { replacements } = replaceWithdrawn(KEY, SNAPSHOT, drawn, conflicts, withdrawals);
    const record = {
      commitment: commitmentOf(SEED),
      seed: SEED,
      witness: WITNESS,
      snapshot: SNAPSHOT,
      snapshotSha256: sha256Hex(canonicalSnapshot(SNAPSHOT)),
      seatPlan: PLAN,
      committee: drawn,
      conflicts,
      withdrawals: replacements.map((r) => ({ code: r.code, reason: r.reason, replacedBy: r.replacement.code })),
    };
    expect(verifyDraw(record)).toMatchObject({ withdrawalsMatch: true, matches: true });
    const tampered = record.withdrawals.map((w, i) => (i === 1 ? { ...w, replacedBy: drawn[20].code } : w));
    expect(verifyDraw({ ...record, withdrawals: tampered })).toMatchObject({ withdrawalsMatch: false, matches: false });
    expect(verifyDraw({ ...record, withdrawals: record.withdrawals.slice(1) })).toMatchObject({
      withdrawalsMatch: false,
    });
  });
});
