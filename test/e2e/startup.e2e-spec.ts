import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { api, startTestApp } from '../support/test-app';

const run = promisify(execFile);
const MAIN = join(__dirname, '../../dist/src/main.js');

/** Starts the compiled service (`npm test` builds it first) and returns how it exited. */
async function start(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 20000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('start-up checks (e2e)', () => {
  it('refuses bad configuration, naming every bad variable', async () => {
    const result = await start({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', NODE_ENV: 'test' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT');
    expect(result.output).toContain('DATABASE_URL');
  });

  it('refuses development keys in production, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjzc-prod-'));
    // A development start generates the dev keys; a production start must refuse them.
    const keysDir = join(dir, 'keys');
    const dev = await startTestApp({ keysDir });
    await dev.close();
    const result = await start({
      NODE_ENV: 'production',
      KEYS_DIR: keysDir,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/development|DEV-KEYS/i);
    expect(result.output).toContain(keysDir);
  });

  it('refuses to start in production without keys, naming the missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjzc-prod-'));
    const result = await start({
      NODE_ENV: 'production',
      KEYS_DIR: join(dir, 'keys'),
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/\.pem/);
  });

  it('reports the database down with 503 when it is gone', async () => {
    const t = await startTestApp();
    try {
      expect((await api(t, 'GET', '/api/v1/health')).status).toBe(200);
      await t.dataSource.destroy();
      const health = await api(t, 'GET', '/api/v1/health');
      expect([health.status, health.body]).toEqual([503, { status: 'degraded', database: 'down' }]);
    } finally {
      await t.app.close().catch(() => undefined);
    }
  });
});
