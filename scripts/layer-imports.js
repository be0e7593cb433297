#!/usr/bin/env node
'use strict';
/**
 * The import graph of lib/ against the layers of DESIGN.md (imports only point down): prints every
 * import of one lib folder by another that the layer table does not allow, as
 * "lib/<file> -> lib/<folder>" (one line per file and folder), and exits 1 when there is any that
 * layer-exceptions.json does not list. `--all` prints them all, known or not.
 * spec/scripts/layer-imports.spec.ts runs it in `npm test`: a new upward import fails the suite, and
 * an exception that no longer happens must leave the list (issue 13 removes them one by one).
 */
const fs = require('fs');
const path = require('path');

const LIB = path.join(__dirname, '..', 'lib');
const EXCEPTIONS = path.join(__dirname, 'layer-exceptions.json');

/**
 * What each folder may import besides itself (DESIGN.md "Layers"; folders it does not name are
 * placed by what they do: events holds what the one event bus carries (the session events, their
 * kinds, the view of a neighbor its consumers read, the drop-oldest queue in front of each), below
 * the session that publishes them, the config that names their kinds, and the api and sinks that
 * consume them; mrt reads dumps into the RIB's tables, writes BGP4MP for the sinks and names dump
 * files (which the config checks), so it sits between rib and sinks; neighbor wires one configured
 * neighbor's sessions to its RIBs and policy pipelines, so the session knows neither (it reads them
 * through interfaces of its own) and neighbor sits above session, rib and policy, below the daemon;
 * api-runtime runs the ExaBGP-style API against the daemon (helper processes, the command executor
 * the helpers, the control socket and the Kafka source share, route text, which neighbors a route
 * reaches), so it sits just above the daemon, below metrics and sources, which use it; metrics
 * and sources wire the daemon's parts like the daemon, speaker is the library built on the daemon,
 * cli and lib/index.ts are the top).
 */
const BELOW_DAEMON = ['wire', 'families', 'fsm', 'events', 'rib', 'mrt', 'config', 'session', 'api', 'policy', 'sinks', 'neighbor'];
const ALLOWED = {
  wire: [],
  families: ['wire'],
  fsm: ['wire'],
  events: ['wire', 'fsm'],
  rib: ['wire', 'families'],
  mrt: ['wire', 'families', 'rib'],
  config: ['wire', 'families', 'events', 'mrt'],
  session: ['wire', 'families', 'fsm', 'events'],
  api: ['wire', 'families', 'rib', 'events'],
  policy: ['wire', 'families', 'rib'],
  sinks: ['wire', 'families', 'events', 'mrt', 'api'],
  neighbor: ['wire', 'families', 'fsm', 'events', 'rib', 'policy', 'session'],
  daemon: BELOW_DAEMON,
  'api-runtime': [...BELOW_DAEMON, 'daemon'],
  metrics: [...BELOW_DAEMON, 'daemon', 'api-runtime'],
  sources: [...BELOW_DAEMON, 'daemon', 'api-runtime'],
  speaker: [...BELOW_DAEMON, 'daemon', 'api-runtime', 'metrics', 'sources'],
  cli: [...BELOW_DAEMON, 'daemon', 'api-runtime', 'metrics', 'sources', 'speaker'],
};

function tsFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The lib folder a path lies in ('' for lib/index.ts), or undefined outside lib/. */
function folderOf(lib, file) {
  const rel = path.relative(lib, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(path.sep);
  // "lib/index.ts" itself, or a folder imported by its index ("../families").
  if (parts.length === 1) return parts[0] === 'index' || parts[0] === 'index.ts' ? '' : parts[0];
  return parts[0];
}

/** Every relative module a file imports (import ... from, export ... from, require(), import()). */
function importsOf(source) {
  const out = [];
  const re = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;
  let m;
  while ((m = re.exec(source)) !== null) out.push(m[1]);
  return out;
}

/** Sorted "lib/<file> -> lib/<folder>" lines for the imports the layers do not allow, in `lib` (default: ours). */
function violations(lib = LIB) {
  const found = new Set();
  for (const file of tsFiles(lib)) {
    const from = folderOf(lib, file);
    if (from === '' || from === undefined) continue;
    const allowed = ALLOWED[from];
    if (!allowed) {
      found.add(`lib/${path.relative(lib, file).split(path.sep).join('/')} -> (lib/${from} has no place in the layer table)`);
      continue;
    }
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      const to = folderOf(lib, path.resolve(path.dirname(file), spec));
      if (to === undefined || to === from || allowed.includes(to)) continue;
      found.add(`lib/${path.relative(lib, file).split(path.sep).join('/')} -> lib/${to === '' ? 'index.ts' : to}`);
    }
  }
  return [...found].sort();
}

/** The known exceptions: import line -> why it is there and what removes it. */
function exceptions() {
  return JSON.parse(fs.readFileSync(EXCEPTIONS, 'utf8'));
}

module.exports = { ALLOWED, violations, exceptions };

if (require.main === module) {
  const all = violations();
  if (process.argv.includes('--all')) {
    for (const v of all) console.log(v);
    console.log(`${all.length} import(s) against the layers`);
  } else {
    const known = exceptions();
    const fresh = all.filter((v) => !(v in known));
    for (const v of fresh) console.log(`new: ${v}`);
    console.log(`${all.length} import(s) against the layers, ${all.length - fresh.length} of them known exceptions, ${fresh.length} new`);
    process.exitCode = fresh.length ? 1 : 0;
  }
}
