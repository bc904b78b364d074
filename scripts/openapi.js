#!/usr/bin/env node
/**
 * Writes the service's OpenAPI document to web/office/src/api/openapi.json and its TypeScript
 * types (openapi-typescript) to web/office/src/api/schema.d.ts, which the office console is
 * typed against. It boots the compiled app (run `npx tsc -p tsconfig.build.json` first) on an
 * in-memory database with throwaway keys, asks it for /docs-json without listening, and drops
 * `servers` (the console calls its own origin). test/e2e/office-openapi.e2e-spec.ts fails when
 * the committed files and the API drift apart.
 */
require('reflect-metadata');
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const apiDir = join(root, 'web', 'office', 'src', 'api');

/** The document as the console sees it: the same on every machine and base URL. */
function consoleDocument(document) {
  return `${JSON.stringify({ ...document, servers: undefined }, null, 2)}\n`;
}

async function main() {
  const { createApp } = require(join(root, 'dist', 'src', 'app.factory.js'));
  const { parseConfig } = require(join(root, 'dist', 'src', 'config', 'app-config.js'));
  const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-openapi-keys-'));
  const config = parseConfig({
    DATABASE_URL: 'sqlite::memory:',
    KEYS_DIR: keysDir,
    PUBLIC_BASE_URL: 'http://localhost',
  });
  const app = await createApp(config, ['error']);
  try {
    await app.init();
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    if (response.statusCode !== 200) throw new Error(`/docs-json answered ${response.statusCode}`);
    writeFileSync(join(apiDir, 'openapi.json'), consoleDocument(JSON.parse(response.body)));
  } finally {
    await app.close();
    rmSync(keysDir, { recursive: true, force: true });
  }
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
      join(apiDir, 'openapi.json'),
      '-o',
      join(apiDir, 'schema.d.ts'),
    ],
    { stdio: 'inherit' },
  );
}

module.exports = { consoleDocument };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
