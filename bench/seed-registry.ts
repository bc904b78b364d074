/**
 * Fills a PostgreSQL database (default `bench`, never one whose name holds "test": the e2e
 * suites wipe those) with 1,000,000 certificates for the registry benchmark. Seeded once: a
 * marker row remembers the count and the table's columns, and a later run reuses the data.
 * Rows go in through multi-row INSERT … SELECT FROM unnest(arrays), 10,000 a statement.
 * `npm run bench:seed [-- --force]`; see bench/seed-data.ts for what is synthetic.
 */
import { Client, Pool } from 'pg';
import type { CertificateEntity } from '../src/certificates/certificate.entity';
import { createDataSource } from '../src/database/data-source';
import { DATABASE_SCHEMA } from '../src/database-schema';
import { STATUS_LIST_CAPACITY } from '../src/signing/credential-format';
import { statusIndexPermutation, syntheticRecord, type SeedCounters } from './seed-data';

export const REGISTRY_BENCH_URL = process.env.REGISTRY_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/bench';
export const REGISTRY_BENCH_ROWS = Number(process.env.REGISTRY_BENCH_ROWS ?? 1_000_000);
const BATCH = 10_000;

/** Column, entity property, PostgreSQL array type for unnest. */
const COLUMNS: Array<[string, keyof CertificateEntity, 'text' | 'int']> = [
  ['certificate_no', 'certificateNo', 'text'],
  ['holder_name', 'holderName', 'text'],
  ['gender', 'gender', 'text'],
  ['id_number', 'idNumber', 'text'],
  ['id_hash_salt', 'idHashSalt', 'text'],
  ['employer', 'employer', 'text'],
  ['level', 'level', 'text'],
  ['specialty', 'specialty', 'text'],
  ['evaluation_year', 'evaluationYear', 'int'],
  ['passed_on', 'passedOn', 'text'],
  ['approval_document', 'approvalDocument', 'text'],
  ['issued_at', 'issuedAt', 'text'],
  ['status', 'status', 'text'],
  ['credential', 'credential', 'text'],
  ['status_index', 'statusIndex', 'int'],
  ['qr_token', 'qrToken', 'text'],
  ['created_at', 'createdAt', 'text'],
  ['updated_at', 'updatedAt', 'text'],
];
const INSERT = `INSERT INTO certificates (${COLUMNS.map(([c]) => c).join(', ')}) SELECT * FROM unnest(${COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

/** Creates the database when missing; refuses a name the e2e tests would wipe. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^\w+$/.test(name) || name.includes('test'))
    throw new Error(`Refusing database "${name}": the e2e tests wipe any database named *test*.`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function currentColumns(pool: Pool): Promise<string> {
  const result = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'certificates' ORDER BY column_name`,
  );
  return result.rows.map((r) => r.column_name).join(',');
}

async function alreadySeeded(pool: Pool, rows: number, columns: string): Promise<boolean> {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_seed (rows integer NOT NULL, columns text NOT NULL, seeded_at text NOT NULL)',
  );
  const marker = await pool.query<{ rows: number; columns: string }>('SELECT rows, columns FROM bench_seed');
  return marker.rowCount === 1 && marker.rows[0].rows === rows && marker.rows[0].columns === columns;
}

async function insertAll(pool: Pool, rows: number): Promise<void> {
  const counters: SeedCounters = { sequences: new Map(), statusIndices: statusIndexPermutation(STATUS_LIST_CAPACITY) };
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < rows; start += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, rows - start) }, (_, k) =>
      syntheticRecord(start + k, counters),
    );
    const arrays = COLUMNS.map(([, property]) => records.map((r) => r[property]));
    // Generating the next batch overlaps with inserting this one.
    await inFlight;
    inFlight = pool.query(INSERT, arrays);
    if ((start / BATCH) % 20 === 0) process.stdout.write(`  ${start.toLocaleString('en')} rows…\r`);
  }
  await inFlight;
  for (const [key, last] of counters.sequences) {
    await pool.query('INSERT INTO certificate_sequences (level, year, last_value) VALUES ($1, $2, $3)', [
      key.slice(0, -4),
      Number(key.slice(-4)),
      last,
    ]);
  }
}

/** Seeds `rows` certificates unless the marker says the same seed is already there. */
export async function seedRegistry(url = REGISTRY_BENCH_URL, rows = REGISTRY_BENCH_ROWS, force = false): Promise<void> {
  await ensureDatabase(url);
  const dataSource = createDataSource({ kind: 'postgres', url }, DATABASE_SCHEMA);
  await dataSource.initialize(); // runs the migrations
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const columns = await currentColumns(pool);
    if (!force && (await alreadySeeded(pool, rows, columns))) {
      console.log(
        `Registry seed: ${rows.toLocaleString('en')} certificates already in ${new URL(url).pathname.slice(1)} (npm run bench:seed -- --force to redo)`,
      );
      return;
    }
    const started = Date.now();
    console.log(
      `Registry seed: writing ${rows.toLocaleString('en')} certificates to ${new URL(url).pathname.slice(1)} (once)…`,
    );
    await pool.query('TRUNCATE certificates, certificate_sequences, bench_seed RESTART IDENTITY CASCADE');
    await insertAll(pool, rows);
    process.stdout.write('\n');
    await pool.query('ANALYZE certificates');
    await pool.query('INSERT INTO bench_seed (rows, columns, seeded_at) VALUES ($1, $2, $3)', [
      rows,
      columns,
      new Date().toISOString(),
    ]);
    console.log(
      `Registry seed: ${rows.toLocaleString('en')} certificates in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  seedRegistry(REGISTRY_BENCH_URL, REGISTRY_BENCH_ROWS, process.argv.includes('--force')).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
