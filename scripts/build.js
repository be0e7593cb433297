#!/usr/bin/env node
'use strict';
/**
 * Builds dist/ with tsc, or with --if-changed only when a source changed since the last build.
 *
 *   node scripts/build.js               always build (npm run build, and npm ci / npm pack through prepare)
 *   node scripts/build.js --if-changed  build only when needed (npm start, npm test, npm run bench)
 *
 * tsc takes 5 to 25 s here even when nothing changed, which made every `npm start` slow. A
 * successful build leaves a stamp (dist/.build-stamp) whose mtime is the time the build started;
 * the build is needed when the stamp or the built CLI is missing, or when any input (a file or a
 * directory under lib/ or bench/, the tsconfig files, package.json, package-lock.json) is newer
 * than the stamp. Directories count because deleting or renaming a file changes its directory's
 * mtime and nothing else. The start time (not the end) is recorded so that a file saved while tsc
 * runs is built again next time. A failed build writes no stamp, prints tsc's errors and exits
 * with tsc's status, so `npm start` stops there.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

/** What tsconfig.build.json compiles ("include"), and the files that change how it compiles. */
const INPUTS = ['lib', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const STAMP = path.join('dist', '.build-stamp');
/** Without it bin/rxbgp cannot start, whatever the stamp says. */
const BUILT_CLI = path.join('dist', 'lib', 'cli', 'main.js');

/** The newest mtime (ms) of `entry` and, for a directory, everything under it; 0 when it does not exist. */
function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Why `root` needs a build (a sentence), or undefined when dist/ is up to date. */
function staleReason(root) {
  let stamp;
  try {
    stamp = fs.statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return `no ${STAMP} (never built by scripts/build.js)`;
  }
  if (!fs.existsSync(path.join(root, BUILT_CLI))) return `${BUILT_CLI} is missing`;
  for (const input of INPUTS) {
    if (newestMtime(path.join(root, input)) > stamp) return `${input} changed since the last build`;
  }
  return undefined;
}

/** Runs tsc -p tsconfig.build.json in `root` (its output on our stdout/stderr); returns its exit status. */
function build(root) {
  const started = new Date();
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`rxbgp build: cannot run tsc: ${r.error.message}\n`);
    return 1;
  }
  if (r.status !== 0) return r.status ?? 1;
  const stamp = path.join(root, STAMP);
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, `built by scripts/build.js; this file's mtime is when that build started\n`);
  fs.utimesSync(stamp, started, started);
  return 0;
}

/** Builds `root` when staleReason says so; returns the exit status (0: up to date or built). */
function buildIfChanged(root, log = (line) => process.stderr.write(line + '\n')) {
  const why = staleReason(root);
  if (why === undefined) return 0;
  log(`rxbgp: building (${why})`);
  const status = build(root);
  if (status !== 0) log(`rxbgp: the build failed (tsc exit status ${status}): fix the errors above`);
  return status;
}

module.exports = { INPUTS, STAMP, staleReason, build, buildIfChanged };

if (require.main === module) {
  // --root <dir> builds another tree (the tests use a small one).
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? path.resolve(args[at + 1]) : path.resolve(__dirname, '..');
  process.exitCode = args.includes('--if-changed') ? buildIfChanged(root) : build(root);
}
