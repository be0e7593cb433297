#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the demo of conf/demo.json (two speakers in one daemon, a -> b over loopback),
 * built first only when a source changed (scripts/build.js), then run in this process.
 *
 * RXBGP_DEMO_A, RXBGP_DEMO_B and RXBGP_DEMO_PORT choose other loopback addresses (IPv4) for a and
 * b and another port for b to listen on, as RXBGP_A / RXBGP_B / RXBGP_PORT do for
 * examples/speaker.js: for a machine where 127.0.0.1 port 1790 is taken, or to run two demos.
 * They are applied to a copy of conf/demo.json written to a temporary directory (removed at exit),
 * so the file in the checkout stays the one the docs show.
 */
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { buildIfChanged } = require('./build');

const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(ROOT, 'conf', 'demo.json');
/** The addresses and port conf/demo.json uses, which the variables replace. */
const DEFAULT_A = '127.0.0.1';
const DEFAULT_B = '127.0.0.2';
const DEFAULT_PORT = 1790;

class DemoSettingError extends Error {}

/** The variable's value, or undefined when unset or empty (as `process.env.X || default` reads it). */
function setting(env, name) {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

function ipv4(env, name) {
  const v = setting(env, name);
  if (v !== undefined && !net.isIPv4(v)) throw new DemoSettingError(`${name}: expected an IPv4 address such as 127.0.0.5, got ${JSON.stringify(v)}`);
  return v;
}

function port(env, name) {
  const v = setting(env, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new DemoSettingError(`${name}: expected a TCP port from 1 to 65535, got ${JSON.stringify(v)}`);
  return n;
}

/**
 * The demo config with the RXBGP_DEMO_* variables of `env` applied, or undefined when none is set.
 * Throws DemoSettingError naming the variable and what it expects.
 */
function demoConfig(base, env) {
  const a = ipv4(env, 'RXBGP_DEMO_A');
  const b = ipv4(env, 'RXBGP_DEMO_B');
  const p = port(env, 'RXBGP_DEMO_PORT');
  if (a === undefined && b === undefined && p === undefined) return undefined;
  const A = a ?? DEFAULT_A;
  const B = b ?? DEFAULT_B;
  const PORT = p ?? DEFAULT_PORT;
  if (A === B) throw new DemoSettingError(`RXBGP_DEMO_A and RXBGP_DEMO_B: a and b need two different addresses, both are ${A}`);
  const address = (x) => (x === DEFAULT_A ? A : x === DEFAULT_B ? B : x);
  const portOf = (x) => (x === DEFAULT_PORT ? PORT : x);
  const config = JSON.parse(JSON.stringify(base));
  for (const l of config.listen ?? []) Object.assign(l, { address: address(l.address), port: portOf(l.port) });
  for (const n of config.neighbors ?? []) {
    n.peerAddress = address(n.peerAddress);
    if (n.localAddress !== undefined) n.localAddress = address(n.localAddress);
    if (n.peerPort !== undefined) n.peerPort = portOf(n.peerPort);
  }
  return { config, summary: `a ${A}, b ${B}, port ${PORT}` };
}

function main() {
  const status = buildIfChanged(ROOT);
  if (status !== 0) return status;
  let derived;
  try {
    derived = demoConfig(JSON.parse(fs.readFileSync(DEMO, 'utf8')), process.env);
  } catch (e) {
    if (!(e instanceof DemoSettingError)) throw e;
    process.stderr.write(`rxbgp demo: ${e.message}\n`);
    return 2;
  }
  let file = DEMO;
  if (derived) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-demo-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    file = path.join(dir, 'demo.json');
    fs.writeFileSync(file, JSON.stringify(derived.config, null, 2) + '\n');
    process.stderr.write(`rxbgp demo: ${derived.summary} (from RXBGP_DEMO_*), config ${file}\n`);
  }
  // In this process, not a child: one process to stop, and signals reach the daemon directly,
  // caught before the daemon's modules load (lib/cli/daemon-signals.ts).
  require(path.join(ROOT, 'dist', 'lib', 'cli', 'daemon-signals.js')).daemonSignals();
  require(path.join(ROOT, 'dist', 'lib', 'cli', 'main.js')).main(['run', file]);
  return undefined;
}

module.exports = { demoConfig, DemoSettingError };

if (require.main === module) {
  const status = main();
  if (status !== undefined) process.exitCode = status;
}
