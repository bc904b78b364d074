// `npm run cli -- <command>`: builds only when a source is newer than the compiled CLI, then
// runs it with the same arguments, terminal and exit code. A build takes seconds to minutes;
// comparing modification times takes milliseconds, so a command typed again starts at once.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync, existsSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'dist/src/cli/main.js');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The newest modification time under a folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function sourcesChangedSince(built) {
  const inputs = ['src', 'scripts/build-web.js', 'package.json', 'package-lock.json'];
  const configs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  return [...inputs, ...configs].some((input) => newest(join(root, input)) > built);
}

if (!existsSync(cli) || sourcesChangedSince(statSync(cli).mtimeMs)) {
  const build = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // tsc rewrites only the files whose output changed: mark the build as current.
  const now = new Date();
  utimesSync(cli, now, now);
}

const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 1);
