/**
 * The docs run (issue 11 item 17): every fenced code block of README.md and docs/*.md carries a
 * marker in its info string, and this spec does what the marker says, with the built package
 * (`npm run build` first; `npm test` does it). A block without a known marker fails, so nobody adds
 * an unchecked block by accident.
 *
 *   ```json config [file=NAME] [same=PATH] [run]
 *       `rxbgp validate` accepts it. file=NAME saves it under that name for later blocks of the page;
 *       same=PATH: it is the same JSON as that file of the repository; run: `rxbgp run` it against
 *       the peer (below) until each side holds the other's routes, then SIGTERM: exit 0, no error
 *       logged.
 *   ```json invalid file=NAME        `rxbgp validate` refuses it (exit 1); a later `sh run` shows the errors.
 *   ```json neighbor                 one neighbor object: `rxbgp validate` accepts it as the only neighbor
 *       of a config with just localAs and routerId.
 *   ```js library [peer]              run with node (in the repository, so require('rxbgp') is the
 *       build); exit 0. With peer, against the peer, which must receive every `prefix: '...'` the
 *       snippet names. A ```text expect block right after holds its exact stdout.
 *   ```js policy file=NAME            loaded as rxbgp loads a policy and its factory called, with the
 *       options of the page's config that names it; sample UPDATEs go through it, and every route
 *       must come out announced or withdrawn (never lost).
 *   ```js excerpt=PATH                the file's text, with `// ...` lines standing for what is left out.
 *   ```python helper file=NAME        compiles (py_compile), and a `run` config of the page runs it as
 *       a helper: the peer must receive every prefix its commands announce.
 *   ```ts types                       each interface or type it declares is identical to the one
 *       `require('rxbgp')` exports under that name (same keys, readonly and optional flags, types).
 *   ```text api                       every line parses as a process API command.
 *   ```sh run [exit=N]                lines `$ command` run in the page's directory (rxbgp, grep or
 *       head only), each exiting N (default 0); the lines after a command are its output (stdout
 *       and stderr), where "..." in a line stands for any text.
 *   ```sh norun, ```text output, ```text diagram     shown only (commands needing a router, npm, or
 *       a terminal; sample output).
 *   ```conf bird, ```toml gobgp       run with real daemons by spec/interop/docs-routers.spec.ts.
 *
 * Each page gets a directory under tmp/docs-snippets/ holding conf/ (the repository's), policies/
 * and helpers/ (conf's), empty log/ and mrt/ directories and an empty rib.mrt, so configs may name
 * them. The peer is the config saved as peer.json in docs/library.md: docs use 127.0.0.1 for rxbgp
 * and 127.0.0.2 port 1790 for the peer; to run, a block's 127.0.0.1, 127.0.0.2 and 1790 become
 * 127.0.0.241, 127.0.0.242 and 17942 (addresses no other spec uses), and a run config gets
 * "control": { "enabled": false } so it never takes a real daemon's control socket.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { parseCommand } from '../../lib/api/commands/parse-command';
import {
  announcedPrefixes,
  docPages,
  linesMatch,
  markerProblem,
  readBlocks,
  REPO,
  toDocAddresses,
  toTestAddresses,
  where,
  type DocBlock,
} from './doc-blocks';

const CLI = path.join(REPO, 'bin/rxbgp');
const SH_COMMANDS = ['rxbgp', 'grep', 'head'];
const RUN_TIMEOUT_MS = 30000;

jest.setTimeout(90000);

// ------------------------------------------------------------------ a page's directory

function makeWorkspace(page: string): string {
  const root = path.join(REPO, 'tmp', 'docs-snippets');
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, page.replace(/[/.]/g, '-') + '-'));
  fs.symlinkSync(path.join(REPO, 'conf'), path.join(dir, 'conf'));
  fs.symlinkSync(path.join(REPO, 'conf/policies'), path.join(dir, 'policies'));
  fs.symlinkSync(path.join(REPO, 'conf/helpers'), path.join(dir, 'helpers'));
  for (const d of ['log', 'mrt', '.bin']) fs.mkdirSync(path.join(dir, d));
  fs.writeFileSync(path.join(dir, 'rib.mrt'), '');
  fs.writeFileSync(path.join(dir, '.bin/rxbgp'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return dir;
}

/** Saves the page's file=NAME blocks; helpers with the test's addresses, as they only run. */
function saveFiles(blocks: readonly DocBlock[], dir: string): void {
  for (const b of blocks) {
    const name = b.attrs.get('file');
    if (!name) continue;
    const helper = b.role === 'helper';
    fs.writeFileSync(path.join(dir, name), helper ? toTestAddresses(b.body) : b.body, { mode: helper ? 0o755 : 0o644 });
  }
}

// ------------------------------------------------------------------ processes

interface Done {
  readonly code: number | null;
  readonly output: string;
}

function runSync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Done & { stdout: string; stderr: string } {
  const r = spawnSync(command, [...args], { cwd, env, encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** A process this spec started: lines collected, stopped by its own PID. */
class Started {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  private readonly proc: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    cwd: string,
  ) {
    this.proc = spawn(command, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => (live.delete(this), resolve(code))));
    for (const [stream, into] of [[this.proc.stdout!, this.stdout], [this.proc.stderr!, this.stderr]] as const) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        into.push(...parts);
      });
    }
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Last lines, for failure messages. */
  tail(): string {
    return `--- ${this.name} stderr:\n${this.stderr.slice(-15).join('\n')}\n--- ${this.name} stdout:\n${this.stdout.slice(-5).join('\n').slice(0, 3000)}`;
  }

  async stop(): Promise<number | null> {
    if (this.running && this.proc.pid !== undefined) process.kill(this.proc.pid, 'SIGTERM');
    return this.exited;
  }

  kill(): void {
    if (this.running && this.proc.pid !== undefined) process.kill(this.proc.pid, 'SIGKILL');
  }
}

const live = new Set<Started>();
afterAll(() => {
  for (const p of live) p.kill();
});

async function waitFor(what: string, ready: () => boolean, ...procs: Started[]): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (!ready()) {
    const dead = procs.find((p) => !p.running);
    if (dead || Date.now() > deadline) {
      throw new Error(`${dead ? `${dead.name} exited` : 'timed out'} waiting for ${what}\n${procs.map((p) => p.tail()).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The prefixes announced in the ExaBGP JSON update events received (stdout of `rxbgp run`). */
function receivedPrefixes(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    if (!line.includes('"direction": "receive"') || !line.includes('"announce"')) continue;
    const announce = JSON.parse(line).neighbor.message.update.announce as Record<string, Record<string, Array<{ nlri: string }>>>;
    for (const byHop of Object.values(announce)) for (const routes of Object.values(byHop)) for (const r of routes) out.add(r.nlri);
  }
  return out;
}

// ------------------------------------------------------------------ the peer

const peerBlock = readBlocks('docs/library.md').find((b) => b.attrs.get('file') === 'peer.json');
const peerConfig = (): Record<string, unknown> & { neighbors: Array<{ routes?: Array<{ prefix: string }> }> } => JSON.parse(toTestAddresses(peerBlock!.body));

async function startPeer(dir: string): Promise<Started> {
  fs.writeFileSync(path.join(dir, '.doc-peer.json'), JSON.stringify(peerConfig()));
  const peer = new Started('peer (docs/library.md peer.json)', process.execPath, [CLI, 'run', '.doc-peer.json'], dir);
  await waitFor('the peer to listen', () => peer.stderr.some((l) => l.includes('rxbgp started')), peer);
  return peer;
}

const peerRoutes = (): string[] => peerConfig().neighbors.flatMap((n) => (n.routes ?? []).map((r) => r.prefix));

// ------------------------------------------------------------------ the checks

function checkConfig(b: DocBlock, dir: string): void {
  const name = b.attrs.get('file') ?? `.config-${b.line}.json`;
  if (!b.attrs.get('file')) fs.writeFileSync(path.join(dir, name), b.body);
  const r = runSync(process.execPath, [CLI, 'validate', name], dir);
  if (b.role === 'invalid') {
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    return;
  }
  if (r.code !== 0) throw new Error(`${where(b)}: rxbgp validate refused it:\n${r.output}`);
  expect(r.stdout).toContain(`${name}: ok: `);
  const same = b.attrs.get('same');
  if (same !== undefined) expect(JSON.parse(b.body)).toEqual(JSON.parse(fs.readFileSync(path.join(REPO, same), 'utf8')));
}

/** A neighbor object, validated as the one neighbor of a minimal config. */
function checkNeighbor(b: DocBlock, dir: string): void {
  const name = `.neighbor-${b.line}.json`;
  fs.writeFileSync(path.join(dir, name), JSON.stringify({ localAs: 65000, routerId: '192.0.2.254', neighbors: [JSON.parse(b.body)] }));
  const r = runSync(process.execPath, [CLI, 'validate', name], dir);
  if (r.code !== 0) throw new Error(`${where(b)}: rxbgp validate refused it:\n${r.output}`);
}

/** `rxbgp run` of a config against the peer until each holds the other's routes; then SIGTERM. */
async function runConfig(b: DocBlock, dir: string): Promise<void> {
  const config = JSON.parse(toTestAddresses(b.body)) as { control?: unknown; processes?: Record<string, { run: string[] }>; neighbors: Array<{ routes?: Array<{ prefix: string }> }> };
  if (!b.body.includes('127.0.0.1') || !b.body.includes('127.0.0.2')) throw new Error(`${where(b)}: a run config peers from 127.0.0.1 with 127.0.0.2 port 1790 (the docs' peer)`);
  config.control ??= { enabled: false };
  const file = `.run-${b.attrs.get('file') ?? b.line}`;
  fs.writeFileSync(path.join(dir, file), JSON.stringify(config));
  const helpers = Object.values(config.processes ?? {}).map((p) => fs.readFileSync(path.resolve(dir, p.run[p.run.length - 1]), 'utf8'));
  const toPeer = [...config.neighbors.flatMap((n) => (n.routes ?? []).map((r) => r.prefix)), ...helpers.flatMap(announcedPrefixes)];
  expect(toPeer.length).toBeGreaterThan(0);

  const peer = await startPeer(dir);
  const daemon = new Started(`rxbgp run ${b.attrs.get('file') ?? ''}`, process.execPath, [CLI, 'run', file], dir);
  try {
    await waitFor(`the peer to receive ${toPeer.join(', ')} and rxbgp to receive ${peerRoutes().join(', ')}`, () => {
      const atPeer = receivedPrefixes(peer.stdout);
      const atDaemon = receivedPrefixes(daemon.stdout);
      return toPeer.every((p) => atPeer.has(p)) && peerRoutes().every((p) => atDaemon.has(p));
    }, daemon, peer);
    expect(await daemon.stop()).toBe(0);
    // Nothing went wrong on the way: no error logged, no command of a helper answered "error".
    expect(daemon.stderr.filter((l) => / error /.test(l) || /stderr: error$/.test(l))).toEqual([]);
  } finally {
    await daemon.stop();
    await peer.stop();
  }
}

async function runLibrary(b: DocBlock, expectBlock: DocBlock | undefined, dir: string): Promise<void> {
  const file = path.join(dir, `.snippet-${b.line}.js`);
  const withPeer = b.attrs.has('peer');
  fs.writeFileSync(file, withPeer ? toTestAddresses(b.body) : b.body);
  const peer = withPeer ? await startPeer(dir) : undefined;
  try {
    const snippet = new Started(where(b), process.execPath, [file], dir);
    const code = await snippet.exited;
    if (code !== 0) throw new Error(`${where(b)} exited ${code}\n${snippet.tail()}${peer ? `\n${peer.tail()}` : ''}`);
    if (expectBlock) expect(toDocAddresses(snippet.stdout.join('\n'))).toBe(expectBlock.body.replace(/\n$/, ''));
    if (peer) {
      const atPeer = receivedPrefixes(peer.stdout);
      expect(announcedPrefixes(b.body).filter((p) => !atPeer.has(p))).toEqual([]);
    }
  } finally {
    await peer?.stop();
  }
}

let samples: string[] | undefined;

/** UPDATEs for policies to chew on, made by `rxbgp encode` (once). */
function encodeSamples(dir: string): string[] {
  if (samples) return samples;
  const commands = [
    'announce attributes next-hop 198.51.100.1 as-path [ 65002 64512 ] community [ 65002:1 ] nlri 10.0.0.0/24 10.1.0.0/25 203.0.113.0/24 192.168.0.0/16',
    'announce attributes next-hop 198.51.100.1 as-path [ 65002 1 2 3 4 5 6 7 8 9 10 11 ] nlri 20.0.0.0/24',
    'announce route 2001:db8:1::/48 next-hop 2001:db8::1 as-path [ 65002 ]',
    'announce route 2001:db8:2::/64 next-hop 2001:db8::1 as-path [ 65002 ]',
    'withdraw route 10.9.0.0/24',
  ];
  samples = commands.flatMap((c) => {
    const r = runSync(process.execPath, [CLI, 'encode', c], dir);
    if (r.code !== 0) throw new Error(`rxbgp encode "${c}": ${r.output}`);
    return r.stdout.trim().split('\n');
  });
  return samples;
}

function checkPolicy(b: DocBlock, blocks: readonly DocBlock[], dir: string): void {
  const file = b.attrs.get('file')!;
  // The options the page's config gives it (the first config naming the module).
  let options: unknown = {};
  for (const c of blocks.filter((x) => x.lang === 'json' && x.role === 'config')) {
    const policies = (JSON.parse(c.body) as { policies?: Record<string, { module: string; options?: unknown }> }).policies ?? {};
    const named = Object.values(policies).find((p) => path.normalize(p.module) === path.normalize(file));
    if (named) {
      options = named.options ?? {};
      break;
    }
  }
  const r = runSync(process.execPath, [path.join(__dirname, 'policy-runner.js'), path.join(dir, file), JSON.stringify(options), ...encodeSamples(dir)], dir);
  if (r.code !== 0) throw new Error(`${where(b)}: the policy did not run:\n${r.output}`);
  const got = JSON.parse(r.stdout) as { in: { announced: string[]; withdrawn: string[] }; out: { types: string[]; announced: string[]; withdrawn: string[] }; logged: string[] };
  expect(got.out.types.length).toBeGreaterThan(0);
  expect(new Set(got.out.types)).toEqual(new Set(['update']));
  // A rejected route is withdrawn, never lost; nothing appears that was not given.
  const out = new Set([...got.out.announced, ...got.out.withdrawn]);
  expect(got.in.announced.filter((p) => !out.has(p))).toEqual([]);
  expect(got.in.withdrawn.filter((p) => !got.out.withdrawn.includes(p))).toEqual([]);
  expect([...out].filter((p) => !got.in.announced.includes(p) && !got.in.withdrawn.includes(p))).toEqual([]);
  expect(got.logged.filter((l) => l.startsWith('error'))).toEqual([]);
}

function checkExcerpt(b: DocBlock): void {
  const source = fs.readFileSync(path.join(REPO, b.attrs.get('excerpt')!), 'utf8');
  const chunks = b.body.split(/^\/\/ \.\.\.\n/m).filter((c) => c.trim() !== '');
  let from = 0;
  for (const chunk of chunks) {
    const at = source.indexOf(chunk, from);
    if (at < 0) throw new Error(`${where(b)}: this part is not in ${b.attrs.get('excerpt')} (after what came before):\n${chunk}`);
    from = at + chunk.length;
  }
}

function checkHelper(b: DocBlock, blocks: readonly DocBlock[], dir: string): void {
  const file = b.attrs.get('file')!;
  const r = runSync('python3', ['-m', 'py_compile', file], dir);
  if (r.code !== 0) throw new Error(`${where(b)}: ${r.output}`);
  const runners = blocks.filter((c) => c.role === 'config' && c.attrs.has('run')).filter((c) => {
    const processes = (JSON.parse(c.body) as { processes?: Record<string, { run: string[] }> }).processes ?? {};
    return Object.values(processes).some((p) => p.run.some((word) => path.normalize(word) === path.normalize(file)));
  });
  if (runners.length === 0) throw new Error(`${where(b)}: no \`json config ... run\` block of the page runs ${file} as a helper`);
}

/** A page's `ts types` blocks, each a module in one TypeScript program; earlier blocks' names are in scope. */
interface TypesFile {
  readonly block: DocBlock;
  readonly file: string;
  readonly names: readonly string[];
  /** Lines before the block's first line. */
  readonly before: number;
  readonly bodyLines: number;
}

const typesPrograms = new Map<string, { files: TypesFile[]; program: ts.Program }>();

function typesProgram(blocks: readonly DocBlock[], dir: string): { files: TypesFile[]; program: ts.Program } {
  const known = typesPrograms.get(dir);
  if (known) return known;
  const typeBlocks = blocks.filter((x) => x.lang === 'ts' && x.role === 'types');
  const files = typeBlocks.map((block, k) => {
    const names = [...block.body.matchAll(/^(?:export\s+)?(?:interface|type)\s+(\w+)/gm)].map((m) => m[1]);
    const prelude = [
      `import type * as real from ${JSON.stringify(path.join(REPO, 'dist/lib/index'))};`,
      "import type { SchedulerLike } from 'rxjs';",
      'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;',
      ...typeBlocks.slice(0, k).flatMap((earlier) => earlier.body.replace(/\n$/, '').split('\n')),
    ];
    const checks = names.map((n) => `export const same${n}: Equal<${n}, real.${n}> = true;`);
    const file = path.join(dir, `.types-${block.line}.ts`);
    // The prelude (and the page's earlier type blocks), then the block, then one check per name.
    fs.writeFileSync(file, prelude.join('\n') + '\n' + block.body + checks.join('\n') + '\n');
    return { block, file, names, before: prelude.length, bodyLines: block.body.split('\n').length - 1 };
  });
  const program = ts.createProgram(
    files.map((f) => f.file),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules/@types')],
    },
  );
  const made = { files, program };
  typesPrograms.set(dir, made);
  return made;
}

function checkTypes(b: DocBlock, blocks: readonly DocBlock[], dir: string): void {
  const { files, program } = typesProgram(blocks, dir);
  const f = files.find((x) => x.block === b)!;
  expect(f.names.length).toBeGreaterThan(0);
  const source = program.getSourceFile(f.file)!;
  const problems = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.start === undefined) return text;
    const inBlock = source.getLineAndCharacterOfPosition(d.start).line - f.before;
    if (inBlock < 0) return `(before the block) ${text}`;
    if (inBlock < f.bodyLines) return `${b.page}:${b.line + 1 + inBlock}: ${text}`;
    const name = f.names[inBlock - f.bodyLines];
    return `${name} is not require('rxbgp')'s ${name} (see lib/): ${text}`;
  });
  expect(problems).toEqual([]);
}

function checkApi(b: DocBlock): void {
  const refused = b.body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => ({ line, result: parseCommand(line, 'doc') }))
    .filter(({ result }) => !result.ok)
    .map(({ line, result }) => `${line}: ${result.ok ? '' : result.error}`);
  expect(refused).toEqual([]);
}

function checkShell(b: DocBlock, dir: string): void {
  const wanted = Number(b.attrs.get('exit') ?? '0');
  const steps: Array<{ command: string; expected: string[] }> = [];
  for (const line of b.body.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
    else if (steps.length === 0) throw new Error(`${where(b)}: a "sh run" block starts with a "$ command" line`);
    else steps[steps.length - 1].expected.push(line);
  }
  expect(steps.length).toBeGreaterThan(0);
  const env = { ...process.env, PATH: `${path.join(dir, '.bin')}:${process.env.PATH ?? ''}` };
  for (const { command, expected } of steps) {
    const program = command.split(/\s+/)[0];
    if (!SH_COMMANDS.includes(program)) throw new Error(`${where(b)}: "${program}" is not run by the docs spec (${SH_COMMANDS.join(', ')}): mark the block "sh norun"`);
    const r = runSync('bash', ['-c', `${command} 2>&1`], dir, env);
    const actual = toDocAddresses(r.stdout).replace(/\n$/, '').split('\n');
    if (r.code !== wanted || !linesMatch(expected, actual)) {
      throw new Error(`${where(b)}: $ ${command}\nexit ${r.code} (doc: ${wanted})\nprinted:\n${r.stdout}${r.stderr}\ndoc shows:\n${expected.join('\n')}`);
    }
  }
}

// ------------------------------------------------------------------ the pages

describe('docs code blocks', () => {
  it('has the peer the run and library blocks use (docs/library.md, file=peer.json)', () => {
    expect(peerBlock).toBeDefined();
    expect(peerRoutes().length).toBeGreaterThan(0);
  });

  it('README links every page of docs/', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(docPages().filter((p) => p !== 'README.md' && !readme.includes(`](${p})`))).toEqual([]);
  });

  describe.each(docPages())('%s', (page) => {
    const blocks = readBlocks(page);
    let dir = '';
    beforeAll(() => {
      dir = makeWorkspace(page);
      saveFiles(blocks, dir);
    });
    afterAll(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('marks every code block with what to do with it', () => {
      const problems = blocks.map((b, i) => {
        const marker = markerProblem(b);
        if (marker) return `${where(b)}: ${marker}`;
        if (b.role === 'expect' && !(blocks[i - 1]?.role === 'library')) return `${where(b)}: "text expect" must follow a "js library" block`;
        if (b.role === 'invalid') {
          const shown = blocks.slice(i + 1).some((s) => s.role === 'run' && s.lang === 'sh' && s.body.includes(`$ rxbgp validate ${b.attrs.get('file')}`));
          if (!shown) return `${where(b)}: no later "sh run" block shows \`rxbgp validate ${b.attrs.get('file')}\``;
        }
        return undefined;
      });
      expect(problems.filter((p) => p !== undefined)).toEqual([]);
    });

    blocks.forEach((b, i) => {
      const label = where(b);
      switch (`${b.lang} ${b.role}`) {
        case 'json config':
        case 'json invalid':
          it(`${label}: rxbgp validate ${b.role === 'invalid' ? 'refuses' : 'accepts'} it`, () => checkConfig(b, dir));
          if (b.attrs.has('run')) it(`${label}: rxbgp run peers with the docs' peer`, () => runConfig(b, dir));
          break;
        case 'json neighbor':
          it(`${label}: rxbgp validate accepts it as a config's neighbor`, () => checkNeighbor(b, dir));
          break;
        case 'js library':
          it(`${label}: runs${b.attrs.has('peer') ? " against the docs' peer" : ''}`, () => runLibrary(b, blocks[i + 1]?.role === 'expect' ? blocks[i + 1] : undefined, dir));
          break;
        case 'js policy':
          it(`${label}: loads as a policy and withdraws what it rejects`, () => checkPolicy(b, blocks, dir));
          break;
        case 'js excerpt':
          it(`${label}: is what ${b.attrs.get('excerpt')} says`, () => checkExcerpt(b));
          break;
        case 'python helper':
          it(`${label}: compiles, and a run config runs it`, () => checkHelper(b, blocks, dir));
          break;
        case 'ts types':
          it(`${label}: are the types rxbgp exports`, () => checkTypes(b, blocks, dir));
          break;
        case 'text api':
          it(`${label}: every line is a command`, () => checkApi(b));
          break;
        case 'sh run':
          it(`${label}: prints what the doc shows`, () => checkShell(b, dir));
          break;
      }
    });
  });
});
