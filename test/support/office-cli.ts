import { execFile, spawn } from 'node:child_process';
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

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build" first (npm test does).`);
  return { ...process.env, NODE_ENV: 'test', CLOCK_FIXED_AT: DEFAULT_TEST_NOW.toISOString(), ...env };
}

/**
 * Runs the compiled office CLI (`npm test` builds it first) with extra environment variables.
 * Its clock stands at the test apps' default instant unless `env.CLOCK_FIXED_AT` says otherwise,
 * never at the machine's date. Its stdin is not a terminal: nothing is asked.
 */
export async function runCli(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI_PATH, ...args], { env: cliEnv(env) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** What the person types when the terminal shows a prompt matching `when`. */
export interface Reply {
  when: RegExp;
  type: string;
}

export interface TerminalResult {
  code: number | null;
  /** Everything the terminal showed, stdout and stderr together, as a person sees it. */
  screen: string;
}

const quoted = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), typing each reply once its prompt
 * shows, never ahead: a terminal echoes what arrives before the program turns echo off.
 */
export function runCliOnTerminal(
  env: Record<string, string>,
  args: string[],
  replies: Reply[],
): Promise<TerminalResult> {
  const command = [process.execPath, CLI_PATH, ...args].map(quoted).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let answered = 0;
  let pending = [...replies];
  child.stdout.on('data', (chunk: Buffer) => {
    // Without the terminal's cursor moves and colours: the text a person reads.
    screen += chunk.toString('utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    const [next, ...rest] = pending;
    if (next && next.when.test(screen.slice(answered))) {
      answered = screen.length;
      pending = rest;
      child.stdin.write(next.type);
    }
  });
  // A prompt nobody answers would wait for ever: stop it, and the screen shows where it waited.
  const stuck = setTimeout(() => child.kill(), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(stuck);
      resolve({ code, screen });
    }),
  );
}
