import { benchEvaluationIssuance } from './evaluation.bench';
import { benchPdfReport } from './pdf.bench';
import { benchRegistry } from './registry.bench';
import { benchSigning } from './signing.bench';
import { benchTransparencyIssuance, benchTransparencyPostgres } from './transparency.bench';

/** `npm run bench`: every ratio is measured side by side in this one run on this machine. */
async function main(): Promise<void> {
  const only = process.argv[2];
  console.log(`Benchmarks on ${process.version}, ${new Date().toISOString()}`);
  if (!only || only === 'signing') {
    await benchSigning('sqlite');
    await benchSigning('postgres').catch((e: unknown) =>
      console.log(`\n(PostgreSQL issuance skipped: ${e instanceof Error ? e.message : String(e)})`),
    );
  }
  if (!only || only === 'pdf') await benchPdfReport();
  if (!only || only === 'evaluation') {
    await benchEvaluationIssuance('sqlite');
    await benchEvaluationIssuance('postgres').catch((e: unknown) =>
      console.log(`\n(PostgreSQL round issuance skipped: ${e instanceof Error ? e.message : String(e)})`),
    );
  }
  if (!only || only === 'registry') await benchRegistry();
  if (!only || only === 'transparency') {
    await benchTransparencyIssuance();
    await benchTransparencyPostgres().catch((e: unknown) =>
      console.log(`\n(PostgreSQL transparency log skipped: ${e instanceof Error ? e.message : String(e)})`),
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
