#!/usr/bin/env node
'use strict';
/**
 * A small, bounded mutation fuzzer for the decoder (issue 13 item 4), in the manner of GoBGP's fuzz
 * target: it takes the crasher corpus (spec/wire/crashers/*.hex) and every whole message written
 * as a hex`...` fixture in spec/, mutates them (bit flips, boundary values in length fields, cuts,
 * deleted, repeated and inserted ranges, splices of two messages), and puts each result through
 * the Framer and decodeMessage in the contexts of the corpus spec. The only acceptable outcomes are
 * a message or a BgpError (a NOTIFICATION to send). Any other exception is a crasher: the input is
 * written to the corpus folder as fuzz-<hash>.hex with a note saying what was thrown and where, and
 * "expect: ?" so spec/wire/crashers/crashers.spec.ts fails until someone fixes the decoder and
 * writes the right outcome (docs/architecture.md, "The crasher corpus").
 *
 *   npm run build --silent && node scripts/fuzz-decoder.js --count 200000 --seconds 60
 *
 * Options: --count N (inputs, default 100000), --seconds S (wall-clock bound, default 60),
 * --seed N (PRNG seed, default from the clock; printed so a run can be repeated), --out DIR
 * (default spec/wire/crashers), --max-new N (crashers written per run, default 20). It runs the
 * build in dist/, so build first. Exit status 1 when it wrote a crasher.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'lib');
const CORPUS = path.join(ROOT, 'spec', 'wire', 'crashers');

function parseArgs(argv) {
  const options = { count: 100000, seconds: 60, seed: Date.now() >>> 0, out: CORPUS, maxNew: 20 };
  const names = { '--count': 'count', '--seconds': 'seconds', '--seed': 'seed', '--out': 'out', '--max-new': 'maxNew' };
  for (let i = 2; i < argv.length; i++) {
    const key = names[argv[i]];
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/fuzz-decoder.js [--count N] [--seconds S] [--seed N] [--out DIR] [--max-new N]');
      process.exit(0);
    }
    if (!key || i + 1 >= argv.length) throw new Error(`fuzz-decoder: unknown option or missing value: ${argv[i]}`);
    const value = argv[++i];
    if (key === 'out') options.out = path.resolve(value);
    else {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`fuzz-decoder: ${argv[i - 1]} wants a number, got "${value}"`);
      options[key] = n;
    }
  }
  return options;
}

/** The built decoder; a missing build is the usual mistake, so say how to make it. */
function loadDecoder() {
  const need = ['wire/message.js', 'wire/framer.js', 'wire/errors.js', 'wire/types.js', 'families/family-context.js'];
  for (const file of need) {
    if (!fs.existsSync(path.join(DIST, file))) throw new Error(`fuzz-decoder: dist/lib/${file} is missing: run \`npm run build --silent\` first`);
  }
  const { decodeMessage } = require(path.join(DIST, 'wire/message.js'));
  const { Framer } = require(path.join(DIST, 'wire/framer.js'));
  const { BgpError } = require(path.join(DIST, 'wire/errors.js'));
  const { familyKey } = require(path.join(DIST, 'wire/types.js'));
  const { familyContext } = require(path.join(DIST, 'families/family-context.js'));
  // The same contexts as spec/wire/crashers/crashers.spec.ts.
  const contexts = {
    new: familyContext({ asn4: true, extendedMessage: false, addPath: new Set() }),
    old: familyContext({ asn4: false, extendedMessage: false, addPath: new Set() }),
    extended: familyContext({ asn4: true, extendedMessage: true, addPath: new Set() }),
    addpath: familyContext({
      asn4: true,
      extendedMessage: false,
      addPath: new Set([familyKey(1, 1), familyKey(2, 1), familyKey(1, 133), familyKey(2, 133)]),
    }),
  };
  return { decodeMessage, Framer, BgpError, contexts };
}

const MARKER_HEX = 'ff'.repeat(16);

/** Hex text as the fixtures write it: `# comments`, spaces and ':' ignored; undefined when not hex. */
function hexBytes(text) {
  const clean = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('')
    .replace(/[\s:]/g, '');
  return /^([0-9a-fA-F]{2})+$/.test(clean) ? Buffer.from(clean, 'hex') : undefined;
}

/** A whole message: marker, and a Length that matches the bytes. */
function isWholeMessage(bytes) {
  return bytes.length >= 19 && bytes.length <= 4096 && bytes.subarray(0, 16).toString('hex') === MARKER_HEX && bytes.readUInt16BE(16) === bytes.length;
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** The corpus files and every fixture of spec/ (hex`...`, quoted hex in .ts and .json) that is a whole message. */
function loadSeeds(folders) {
  const seeds = [];
  for (const corpus of new Set(folders)) {
    if (!fs.existsSync(corpus)) continue;
    for (const file of fs.readdirSync(corpus).filter((f) => f.endsWith('.hex'))) {
      const bytes = hexBytes(fs.readFileSync(path.join(corpus, file), 'utf8'));
      if (bytes) seeds.push(bytes);
    }
  }
  const fromCorpus = seeds.length;
  const seen = new Set(seeds.map((b) => b.toString('hex')));
  for (const file of walk(path.join(ROOT, 'spec'))) {
    if (!/\.(ts|json)$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    // hex`...` fixtures (with ${MARKER}), and quoted hex strings ('ffff...', "ffff..." in JSON).
    const bodies = [...text.matchAll(/hex`([^`]*)`/g)].map((m) => m[1].replace(/\$\{MARKER\}/g, MARKER_HEX));
    for (const m of text.matchAll(/["'`]((?:ff[\s:]*){16}[0-9a-fA-F\s:]*)["'`]/gi)) bodies.push(m[1]);
    for (const body of bodies) {
      if (body.includes('${')) continue;
      const bytes = hexBytes(body);
      if (!bytes || !isWholeMessage(bytes)) continue;
      const key = bytes.toString('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      seeds.push(bytes);
    }
  }
  return { seeds, fromCorpus, fromSpecs: seeds.length - fromCorpus };
}

/** xorshift32: a seeded PRNG, so a run can be repeated with --seed. */
function prng(seed) {
  let x = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return { int: (n) => next() % n, chance: (p) => next() / 0x100000000 < p };
}

/** Values that sit on the boundaries decoders get wrong: lengths 0, 1, one past, top bits, 240. */
const INTERESTING = [0x00, 0x01, 0x02, 0x03, 0x04, 0x07, 0x08, 0x0f, 0x10, 0x11, 0x18, 0x20, 0x21, 0x40, 0x7f, 0x80, 0x81, 0x90, 0xc0, 0xef, 0xf0, 0xf1, 0xfe, 0xff];

/** One mutant of `seed`: 1 to 4 edits, mostly past the header, then usually a Length that fits. */
function mutate(rng, seed, seeds) {
  let b = Buffer.from(seed);
  const edits = 1 + rng.int(4);
  const at = (n) => (n <= 19 || rng.chance(0.02) ? rng.int(Math.max(1, n)) : 19 + rng.int(n - 19));
  for (let e = 0; e < edits; e++) {
    const n = b.length;
    switch (rng.int(8)) {
      case 0: // flip one bit
        if (n) b[at(n)] ^= 1 << rng.int(8);
        break;
      case 1: // a boundary value
        if (n) b[at(n)] = INTERESTING[rng.int(INTERESTING.length)];
        break;
      case 2: // a boundary value in a 2-octet field
        if (n > 1) {
          const i = Math.min(at(n), n - 2);
          b.writeUInt16BE([0, 1, 0xff, 0x100, 0xfff, 0xf000, 0xffff, n - i][rng.int(8)] & 0xffff, i);
        }
        break;
      case 3: // cut the tail
        b = b.subarray(0, at(n + 1));
        break;
      case 4: { // delete a range
        const i = at(n);
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + rng.int(8))]);
        break;
      }
      case 5: { // repeat a range (duplicate attributes, NLRI, segments)
        const i = at(n);
        const len = 1 + rng.int(24);
        b = Buffer.concat([b.subarray(0, i + len), b.subarray(i, i + len), b.subarray(i + len)]);
        break;
      }
      case 6: { // insert random octets
        const i = at(n + 1);
        const extra = Buffer.alloc(1 + rng.int(6));
        for (let k = 0; k < extra.length; k++) extra[k] = rng.chance(0.5) ? INTERESTING[rng.int(INTERESTING.length)] : rng.int(256);
        b = Buffer.concat([b.subarray(0, i), extra, b.subarray(i)]);
        break;
      }
      default: { // splice: this head, another seed's tail
        const other = seeds[rng.int(seeds.length)];
        b = Buffer.concat([b.subarray(0, at(n + 1)), other.subarray(19 + rng.int(Math.max(1, other.length - 19)))]);
      }
    }
  }
  b = Buffer.from(b);
  // A Length that matches lets the mutation reach the body decoders instead of failing as 1/2.
  if (b.length >= 19 && rng.chance(0.9)) b.writeUInt16BE(Math.min(b.length, 0xffff), 16);
  return b;
}

/** Top frame of the stack inside dist/lib, as "lib/wire/x.js:12", to tell crashers apart. */
function where(error) {
  const line = String(error && error.stack).split('\n').find((l) => l.includes(`${path.sep}dist${path.sep}lib${path.sep}`));
  const match = line && /dist[\\/](lib[\\/][^):]+:\d+)/.exec(line);
  return match ? match[1].replace(/\\/g, '/') : 'unknown place';
}

/** Writes a crasher for spec/wire/crashers/crashers.spec.ts; its name comes from its bytes. */
function writeCrasher(out, bytes, contextName, error) {
  const name = `fuzz-${crypto.createHash('sha1').update(bytes).digest('hex').slice(0, 10)}.hex`;
  const lines = [
    `# Found by scripts/fuzz-decoder.js on ${new Date().toISOString().slice(0, 10)}: ${error.name}: ${String(error.message).split('\n')[0]} at ${where(error)}.`,
    `# context: ${contextName}`,
    '# expect: ?',
  ];
  const hexText = bytes.toString('hex');
  for (let i = 0; i < hexText.length; i += 64) lines.push(hexText.slice(i, i + 64));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
  return name;
}

function main() {
  const options = parseArgs(process.argv);
  const { decodeMessage, Framer, BgpError, contexts } = loadDecoder();
  const { seeds, fromCorpus, fromSpecs } = loadSeeds([CORPUS, options.out]);
  if (seeds.length === 0) throw new Error('fuzz-decoder: no seeds found (corpus folder and spec/ fixtures are empty)');
  const rng = prng(options.seed);
  console.log(`fuzz-decoder: seed ${options.seed}, ${seeds.length} seeds (${fromCorpus} corpus files, ${fromSpecs} spec fixtures), at most ${options.count} inputs or ${options.seconds} s`);

  const outcomes = new Map();
  const count = (key) => outcomes.set(key, (outcomes.get(key) || 0) + 1);
  const crashes = new Map();
  const written = [];
  const deadline = Date.now() + options.seconds * 1000;
  let done = 0;
  for (; done < options.count; done++) {
    if ((done & 1023) === 0 && Date.now() > deadline) break;
    const input = mutate(rng, seeds[rng.int(seeds.length)], seeds);
    for (const [contextName, ctx] of Object.entries(contexts)) {
      let error;
      try {
        // The framer, with the input split in two chunks, then the decoder on the whole input.
        const framer = new Framer(ctx.extendedMessage ? 65535 : 4096);
        const cut = rng.int(input.length + 1);
        try {
          framer.push(input.subarray(0, cut));
          framer.push(input.subarray(cut));
        } catch (e) {
          if (!(e instanceof BgpError)) throw e;
        }
        const message = decodeMessage(input, ctx);
        count(message.type === 'update' && message.errorAction ? message.errorAction : 'ok');
      } catch (e) {
        if (e instanceof BgpError) count(`reset ${e.code}/${e.subcode}`);
        else error = e;
      }
      if (!error) continue;
      count('CRASH');
      const key = `${error && error.name}: ${where(error)}`;
      crashes.set(key, (crashes.get(key) || 0) + 1);
      if (crashes.get(key) === 1 && written.length < options.maxNew) written.push(writeCrasher(options.out, input, contextName, error));
    }
  }

  const seconds = ((Date.now() - (deadline - options.seconds * 1000)) / 1000).toFixed(1);
  console.log(`fuzz-decoder: ${done} inputs x ${Object.keys(contexts).length} contexts in ${seconds} s`);
  const sorted = [...outcomes].sort((a, b) => b[1] - a[1]);
  for (const [outcome, n] of sorted) console.log(`  ${outcome.padEnd(20)} ${n}`);
  if (crashes.size === 0) {
    console.log('fuzz-decoder: no crashers (every outcome was a message or a BgpError)');
    return 0;
  }
  for (const [key, n] of crashes) console.log(`fuzz-decoder: CRASHER ${key} (${n} inputs)`);
  for (const name of written) console.log(`fuzz-decoder: wrote ${path.relative(ROOT, path.join(options.out, name))}`);
  return 1;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
