/** Small timing helpers for `npm run bench`: ratios are measured side by side in one run. */
export interface Rate {
  label: string;
  opsPerSecond: number;
  microsPerOp: number;
}

/**
 * Runs `op` for at least `ms` milliseconds after a warm-up, with `concurrency` calls in flight
 * (1: strictly one after another).
 */
export async function measure(
  label: string,
  op: (i: number) => unknown,
  ms = 2000,
  concurrency = 1,
  warmup = 200,
): Promise<Rate> {
  let next = 0;
  for (; next < warmup; next++) await op(next);
  let done = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  const worker = async () => {
    while (process.hrtime.bigint() < deadline) {
      await op(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const suffix = concurrency > 1 ? ` [${concurrency} in flight]` : '';
  return { label: label + suffix, opsPerSecond: done / seconds, microsPerOp: (seconds * 1e6) / done };
}

/** Alternates the two measurements a few rounds and keeps each one's best, so drift hits both. */
export async function sideBySide(a: () => Promise<Rate>, b: () => Promise<Rate>, rounds = 3): Promise<[Rate, Rate]> {
  let bestA: Rate | undefined;
  let bestB: Rate | undefined;
  for (let r = 0; r < rounds; r++) {
    const ra = await a();
    const rb = await b();
    if (!bestA || ra.opsPerSecond > bestA.opsPerSecond) bestA = ra;
    if (!bestB || rb.opsPerSecond > bestB.opsPerSecond) bestB = rb;
  }
  return [bestA as Rate, bestB as Rate];
}

export function report(title: string, subject: Rate, baseline: Rate, target: string): void {
  const ratio = subject.opsPerSecond / baseline.opsPerSecond;
  console.log(`\n${title}`);
  for (const r of [subject, baseline]) {
    console.log(
      `  ${r.label.padEnd(52)} ${r.opsPerSecond.toFixed(0).padStart(8)} ops/s  ${r.microsPerOp.toFixed(1).padStart(8)} µs/op`,
    );
  }
  console.log(`  ratio ${ratio.toFixed(2)} (target ${target})`);
}
