// Runs a policy module the way rxbgp does (its own loader, a factory call with options and a
// context) on sample UPDATEs, and prints what came out as JSON: spec/docs/snippets.spec.ts checks it.
// Usage: node policy-runner.js <module file> <options JSON> <UPDATE hex>...
'use strict';
const path = require('path');
const { asyncScheduler, from, lastValueFrom, timeout, toArray } = require('rxjs');

const repo = path.resolve(__dirname, '../..');
const { loadPolicyFactory } = require(path.join(repo, 'dist/lib/policy/load-policy.js'));
const { decodeHexMessage, DEFAULT_CONTEXT } = require(path.join(repo, 'dist/lib/index.js'));
// Every family rxbgp carries (FlowSpec included), as a session decodes.
const { familyContext } = require(path.join(repo, 'dist/lib/families/family-context.js'));

async function main() {
  const [file, optionsJson, ...hexes] = process.argv.slice(2);
  const logged = [];
  const logger = { info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) };
  const context = {
    name: path.basename(file).replace(/\.[^.]+$/, ''),
    direction: 'import',
    neighbor: { name: 'doc-peer', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 },
    logger,
    scheduler: asyncScheduler,
  };
  const factory = loadPolicyFactory(file);
  const policy = factory(JSON.parse(optionsJson), context);
  const ctx = familyContext(DEFAULT_CONTEXT);
  const batches = hexes.map((hex) => decodeHexMessage(hex, ctx));
  const out = await lastValueFrom(from(batches).pipe(policy, toArray(), timeout(10000)));
  const prefixes = (lists) => lists.flatMap((l) => [...l.prefixes]);
  process.stdout.write(
    JSON.stringify({
      in: { announced: batches.flatMap((b) => prefixes(b.announced)), withdrawn: batches.flatMap((b) => prefixes(b.withdrawn)) },
      out: {
        types: out.map((b) => b.type),
        announced: out.flatMap((b) => prefixes(b.announced)),
        withdrawn: out.flatMap((b) => prefixes(b.withdrawn)),
      },
      logged,
    }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
  process.exit(1);
});
