// `npm run cli -- <command>`: builds only when a source is newer than the last build, then
// runs it with the same arguments, terminal and exit code. A build takes seconds to minutes;
// comparing modification times takes milliseconds, so a command typed again starts at once.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { build, isBuildStale } = require('./build-state');

const cli = join(__dirname, '..', 'dist/src/cli/main.js');

if (isBuildStale()) {
  const status = build();
  if (status !== 0) process.exit(status);
}

const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 1);
