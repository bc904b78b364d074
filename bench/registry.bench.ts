/**
 * The registry benchmark: the service against a bare node:http + pg server doing the same work,
 * in the same run, on PostgreSQL with 1,000,000 certificates (bench/seed-registry.ts):
 * `GET /api/v1/registry/certificates/{no}` and `POST /api/v1/verifications` with a QR token,
 * under autocannon load. Each server runs in its own process, so neither shares an event loop
 * with the load generator. Targets: throughput ratio ≥ 0.7 (lookup) and ≥ 0.8 (verification).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/common/project-root';
import { prepareSample, type RegistrySample } from './registry-sample';
import { REGISTRY_BENCH_URL, seedRegistry } from './seed-registry';

const ROOT = projectRoot();
const SECONDS = Number(process.env.REGISTRY_BENCH_SECONDS ?? 5);
const CONNECTIONS = 16;

interface Load {
  label: string;
  requests: number;
  p99: number;
  failures: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startServer(
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}${readyPath}`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

function pickFrom(list: string[]): string {
  return list[Math.floor(Math.random() * list.length)];
}

type RequestSetup = autocannon.Request;

async function load(label: string, port: number, request: RequestSetup, seconds = SECONDS): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [request],
  });
  return {
    label,
    requests: result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Warms both up, then alternates two rounds and keeps each one's best, so drift hits both. */
async function compare(
  title: string,
  request: RequestSetup,
  service: number,
  bare: number,
  target: string,
): Promise<void> {
  await load('warm-up', service, request, 2);
  await load('warm-up', bare, request, 2);
  let best: [Load, Load] | undefined;
  for (let round = 0; round < 2; round++) {
    const s = await load('NestJS service (Fastify, guards, throttle, ETag)', service, request);
    const b = await load('bare node:http + pg', bare, request);
    best = best ? [s.requests > best[0].requests ? s : best[0], b.requests > best[1].requests ? b : best[1]] : [s, b];
  }
  const [s, b] = best as [Load, Load];
  console.log(`\n${title} — ${CONNECTIONS} connections, ${SECONDS} s, best of 2`);
  for (const r of [s, b])
    console.log(
      `  ${r.label.padEnd(50)} ${r.requests.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   non-2xx/errors ${r.failures}`,
    );
  console.log(
    `  throughput ratio ${(s.requests / b.requests).toFixed(2)} (target ${target}); p99 ${s.p99} ms vs ${b.p99} ms`,
  );
}

function requests(sample: RegistrySample): { lookup: RequestSetup; verification: RequestSetup } {
  return {
    lookup: {
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: `/api/v1/registry/certificates/${pickFrom(sample.numbers)}` }),
    },
    verification: {
      method: 'POST',
      path: '/api/v1/verifications',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ token: pickFrom(sample.tokens) }) }),
    },
  };
}

export async function benchRegistry(url = REGISTRY_BENCH_URL): Promise<void> {
  try {
    await seedRegistry(url);
  } catch (error) {
    console.log(
      `\n(Registry benchmark skipped: PostgreSQL at ${new URL(url).host} not usable: ${error instanceof Error ? error.message : String(error)})`,
    );
    return;
  }
  const keysDir = join(ROOT, 'data', 'bench-keys');
  const sample = await prepareSample(url, keysDir);
  const jwksPath = join(mkdtempSync(join(tmpdir(), 'zjzc-bench-')), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ ...sample.jwks, logVerifierKeys: sample.logVerifierKeys }));
  const [servicePort, barePort] = [await freePort(), await freePort()];
  const env = {
    NODE_ENV: 'development',
    DATABASE_URL: url,
    KEYS_DIR: keysDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    JWKS_PATH: jwksPath,
  };
  // The throttle stays on, as in production, with a limit no benchmark reaches from one address.
  const service = await startServer(
    'dist/src/main.js',
    servicePort,
    { ...env, PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000' },
    '/api/v1/health',
  );
  const bare = await startServer('dist/bench/registry-bare-server.js', barePort, env, '/health');
  try {
    console.log(
      `\nRegistry on PostgreSQL (${sample.numbers.length} numbers to look up, ${sample.tokens.length} genuine tokens)`,
    );
    // Like for like: both must find a sample certificate VALID (signatures, registry, log).
    for (const port of [servicePort, barePort]) {
      const reply = await fetch(`http://127.0.0.1:${port}/api/v1/verifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: sample.tokens[0] }),
      });
      const { verdict } = (await reply.json()) as { verdict?: string };
      if (verdict !== 'VALID')
        throw new Error(
          `a sample token verifies ${verdict} on port ${port}, not VALID: reseed with npm run bench:seed -- --force`,
        );
    }
    const { lookup, verification } = requests(sample);
    await compare('GET /api/v1/registry/certificates/{no}', lookup, servicePort, barePort, '≥ 0.7');
    await compare('POST /api/v1/verifications {token}', verification, servicePort, barePort, '≥ 0.8');
  } finally {
    service.kill();
    bare.kill();
  }
}
