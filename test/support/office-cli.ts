import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_TEST_NOW } from './test-clock';

const run = promisify(execFile);
export const CLI_PATH = join(__dirname, '../../dist/src/cli/main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled office CLI (`npm test` builds it first) with extra environment variables.
 * Its clock stands at the test apps' default instant unless `env.CLOCK_FIXED_AT` says otherwise,
 * never at the machine's date.
 */
export async function runCli(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build" first (npm test does).`);
  try {
    const cliEnv = { ...process.env, NODE_ENV: 'test', CLOCK_FIXED_AT: DEFAULT_TEST_NOW.toISOString(), ...env };
    const { stdout, stderr } = await run(process.execPath, [CLI_PATH, ...args], { env: cliEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
