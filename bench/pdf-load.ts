/**
 * The certificate PDF in a real service process: boot time, the first PDF a fresh process
 * serves, and the memory high-water mark (VmHWM) while many DISTINCT certificates are
 * downloaded at once over HTTP, so the PDF cache (64 entries) cannot answer them.
 *
 * The service runs `dist/src/main.js` on a throwaway SQLite database seeded with synthetic
 * certificates (bench/seed-data.ts); each download comes from its own X-Forwarded-For address
 * (TRUST_PROXY=true), as many holders would, so the per-address holder throttle does not cut
 * the load short.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateEntity } from '../src/certificates/certificate.entity';
import { projectRoot } from '../src/common/project-root';
import { createDataSource } from '../src/database/data-source';
import { DATABASE_SCHEMA } from '../src/database-schema';
import { STATUS_LIST_CAPACITY } from '../src/signing/credential-format';
import { statusIndexPermutation, syntheticRecord } from './seed-data';

export interface PdfLoadResult {
  /** Spawn to the first healthy answer. */
  bootMs: number;
  /** The first PDF request of the fresh process, sent as soon as it answers health checks. */
  firstPdfMs: number;
  /** The same request once more: what the first one would cost in a warm process. */
  secondPdfMs: number;
  certificates: number;
  concurrency: number;
  pdfsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 200 under load (503 PDF_BUSY included). */
  refused: number;
  /** RSS after boot, and the process's high-water mark over its whole life (/proc VmHWM). */
  bootRssMb: number;
  peakRssMb: number;
}

type Holder = { certificateNo: string; name: string; idNumber: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Synthetic certificates, written straight into a fresh SQLite database (migrated by the data source). */
async function seed(path: string, count: number): Promise<Holder[]> {
  const ds = createDataSource({ kind: 'sqlite', path }, DATABASE_SCHEMA);
  await ds.initialize();
  try {
    const counters = {
      sequences: new Map<string, number>(),
      statusIndices: statusIndexPermutation(STATUS_LIST_CAPACITY),
    };
    const rows: CertificateEntity[] = [];
    for (let i = 0; rows.length < count; i++) {
      const row = syntheticRecord(i, counters);
      if (row.status === 'VALID') rows.push(row);
    }
    await ds.getRepository(CertificateEntity).save(rows, { chunk: 100 });
    return rows.map((r) => ({ certificateNo: r.certificateNo, name: r.holderName, idNumber: r.idNumber }));
  } finally {
    await ds.destroy();
  }
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
}

async function startService(
  env: Record<string, string>,
  port: number,
): Promise<{ child: ChildProcess; bootMs: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  while (performance.now() - start < 60_000) {
    const up = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) return { child, bootMs: performance.now() - start };
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill();
  throw new Error('the service did not start');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function download(port: number, holder: Holder, client: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/holder/certificate-pdf`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}`,
    },
    body: JSON.stringify(holder),
  });
  await response.arrayBuffer();
  return response.status;
}

/** `concurrency` clients, each downloading the next certificate of the list until all are done. */
async function load(port: number, holders: Holder[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const start = performance.now();
  const client = async () => {
    for (let i = next++; i < holders.length; i = next++) {
      const t = performance.now();
      if ((await download(port, holders[i], i + 1)) !== 200) refused++;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  latencies.sort((a, b) => a - b);
  return {
    pdfsPerSecond: holders.length / ((performance.now() - start) / 1000),
    p50Ms: latencies[Math.floor(latencies.length * 0.5)],
    p99Ms: latencies[Math.floor(latencies.length * 0.99)],
    refused,
  };
}

export async function benchPdfLoad(
  options: { certificates?: number; concurrency?: number } = {},
): Promise<PdfLoadResult> {
  const { certificates = 300, concurrency = 32 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-pdf-load-'));
  try {
    const holders = await seed(join(dir, 'bench.sqlite'), certificates + 2);
    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
      KEYS_DIR: join(projectRoot(), 'keys'),
      TRUST_PROXY: 'true',
      LOG_LEVEL: process.env.PDF_BENCH_LOG_LEVEL ?? 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const port = await freePort();
    const { child, bootMs } = await startService(env, port);
    try {
      const pid = child.pid as number;
      const bootRssMb = rssMb(pid, 'VmRSS');
      let t = performance.now();
      if ((await download(port, holders[0], 0)) !== 200) throw new Error('the first PDF download failed');
      const firstPdfMs = performance.now() - t;
      t = performance.now();
      await download(port, holders[1], 0);
      const secondPdfMs = performance.now() - t;
      const loaded = await load(port, holders.slice(2), concurrency);
      return {
        bootMs,
        firstPdfMs,
        secondPdfMs,
        certificates,
        concurrency,
        ...loaded,
        bootRssMb,
        peakRssMb: rssMb(pid, 'VmHWM'),
      };
    } finally {
      await stop(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
