// Whether `npm run build` is due: the build leaves a stamp in dist/, and any of its inputs
// modified after that stamp (an edit, a checkout, an install) makes it stale. Comparing
// modification times takes milliseconds; a build takes seconds to minutes.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What `npm run build` reads: the server and bench sources, the page and console, their configuration. */
const INPUTS = ['src', 'bench', 'web', 'templates', 'scripts/build-web.js', 'package.json', 'package-lock.json'];

/** The newest modification time under a path (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function isBuildStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const configs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  return [...INPUTS, ...configs].some((input) => newest(join(root, input)) > built);
}

/** Runs `npm run build` and stamps it; returns the exit status. */
function build() {
  const started = new Date();
  const run = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // Stamped with the build's start: a source saved during the build makes the next run build again.
  if (run.status === 0) {
    writeFileSync(stamp, `${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
  }
  return run.status ?? 1;
}

module.exports = { isBuildStale, build };

// `node scripts/build-state.js`: builds only when stale (npm test, and CI before its runs share dist/).
if (require.main === module) {
  if (!isBuildStale()) process.exit(0);
  process.exit(build());
}
