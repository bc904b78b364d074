import 'reflect-metadata';
import { FlattenedSign } from 'jose';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { SPECIALTIES } from '../src/common/qualifications';
import { APP_CONFIG, parseConfig } from '../src/config/app-config';
import { ApplicationEntity } from '../src/evaluation/application.entity';
import { TallyEntity } from '../src/evaluation/meeting.entities';
import { RoundIssuanceService } from '../src/evaluation/round-issuance.service';
import { RoundEntity } from '../src/evaluation/round.entity';
import { KeyStore } from '../src/keys/key-store';

const APPLICANTS = 10_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idNumber(i: number): string {
  const day = new Date(Date.UTC(1965, 0, 1) + i * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `330106${day}${String(100 + (i % 800)).padStart(3, '0')}`;
  const sum = [...first17].reduce((acc, d, k) => acc + Number(d) * WEIGHTS[k], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A published round of `count` passed applicants, written straight to the tables (the bench times issuance only). */
async function seedRound(ds: DataSource, count: number): Promise<number> {
  for (const table of [
    'certificates',
    'certificate_sequences',
    'evaluation_rounds',
    'evaluation_applications',
    'evaluation_tallies',
  ])
    await ds.query(`DELETE FROM ${table}`);
  const now = new Date().toISOString();
  const round = await ds.getRepository(RoundEntity).save({
    level: 'professor',
    year: 2026,
    meetingDate: '2026-11-20',
    state: 'PUBLISHED',
    jointDocument: '浙市监人〔2026〕50号',
    publishedOn: '2026-11-27',
    createdAt: now,
    updatedAt: now,
  });
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const id = idNumber(start + k);
      return {
        roundId: round.id,
        name: '张三',
        idNumber: id,
        gender: Number(id[16]) % 2 ? '男' : '女',
        employer: '浙江省计量科学研究院',
        specialty: SPECIALTIES[(start + k) % SPECIALTIES.length],
        channel: 'regular',
        quantitativeScore: null,
        pledge: true,
        publicityStart: '2026-10-12',
        publicityEnd: '2026-10-16',
        departmentReviewed: true,
        intermediateRecommended: false,
        eligible: true,
        ineligibleReason: null,
        withheld: false,
        certificateNo: null,
        createdAt: now,
      } as const;
    });
    await ds.getRepository(ApplicationEntity).insert(rows);
  }
  const ids = (
    await ds.getRepository(ApplicationEntity).find({ select: { id: true }, where: { roundId: round.id } })
  ).map((a) => a.id);
  for (let start = 0; start < ids.length; start += 500) {
    await ds.getRepository(TallyEntity).insert(
      ids.slice(start, start + 500).map((applicationId) => ({
        roundId: round.id,
        applicationId,
        yes: 20,
        no: 3,
        abstentions: 2,
        present: 25,
        passed: true,
      })),
    );
  }
  return round.id;
}

/** Raw two-signature signing (ES256 by both authorities) of `count` payloads, `CONCURRENCY` in flight. */
async function rawSigning(keys: KeyStore, count: number, signaturesPerPayload: 2 | 4): Promise<number> {
  const signers = (['amr', 'hrss'] as const).map((a) => keys.signingKey(a));
  let next = 0;
  const start = process.hrtime.bigint();
  const worker = async () => {
    while (next < count) {
      const payload = new TextEncoder().encode(
        JSON.stringify({ no: `ZJZ2026${String(next++).padStart(6, '0')}`, name: '张三', passed: '2026-11-20' }),
      );
      const rounds = signaturesPerPayload / 2;
      for (let r = 0; r < rounds; r++)
        await Promise.all(
          signers.map((s) =>
            new FlattenedSign(payload).setProtectedHeader({ alg: 'ES256', kid: s.kid }).sign(s.privateKey),
          ),
        );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The round benchmark: a round of 10,000 passed applicants issued (both signatures, stored), against raw signing. */
export async function benchEvaluationIssuance(database: 'sqlite' | 'postgres', count = APPLICANTS): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-bench-eval-'));
  const url =
    database === 'sqlite'
      ? `sqlite:${join(dir, 'bench.sqlite')}`
      : (process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test');
  const config = parseConfig({ NODE_ENV: 'test', KEYS_DIR: join(dir, 'keys'), DATABASE_URL: url });
  const { Test } = await import('@nestjs/testing');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  moduleRef.useLogger(['error']);
  const app = await moduleRef.init();
  try {
    const roundId = await seedRound(app.get(DataSource), count);
    const start = process.hrtime.bigint();
    const report = await app
      .get(RoundIssuanceService)
      .issueAll(roundId, { actor: 'bench', authority: null }, { concurrency: CONCURRENCY });
    const issuing = Number(process.hrtime.bigint() - start) / 1e9;
    if (report.created !== count) throw new Error(`issued ${report.created} of ${count}`);
    const two = await rawSigning(app.get(KeyStore), count, 2);
    const four = await rawSigning(app.get(KeyStore), count, 4);
    const goal = (database === 'sqlite' ? 5 : 10) * (count / APPLICANTS);
    console.log(`\nRound issuance on ${database}: ${count} passed applicants, ${CONCURRENCY} in flight`);
    console.log(
      `  round issuance (4 signatures + stored + audited + logged) ${issuing.toFixed(1).padStart(6)} s  ${(count / issuing).toFixed(0).padStart(6)} /s  (goal ≤ ${goal} s: ${issuing <= goal ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  raw jose: two FlattenedSign per payload              ${two.toFixed(1).padStart(6)} s  ${(count / two).toFixed(0).padStart(6)} /s`,
    );
    console.log(
      `  raw jose: four FlattenedSign per payload             ${four.toFixed(1).padStart(6)} s  ${(count / four).toFixed(0).padStart(6)} /s`,
    );
    console.log(
      `  ratio to raw two-signature signing ${(two / issuing).toFixed(2)}; to the same four signatures ${(four / issuing).toFixed(2)}`,
    );
  } finally {
    await app.close();
  }
}
