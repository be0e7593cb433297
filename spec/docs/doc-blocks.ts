/**
 * The fenced code blocks of the README and docs/, with the marker each carries in its info string
 * (```` ```json config file=x.json ````: language, role, then key=value or bare attributes).
 * snippets.spec.ts says what each role means and runs them.
 */
import fs from 'fs';
import path from 'path';

export const REPO = path.resolve(__dirname, '../..');

/** Every page whose blocks are checked: the README and every docs/*.md. */
export function docPages(): string[] {
  const docs = fs
    .readdirSync(path.join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export interface DocBlock {
  /** Page path relative to the repository, e.g. "docs/cli.md". */
  readonly page: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The info string as written, e.g. "json config file=x.json". */
  readonly info: string;
  readonly lang: string;
  /** The word after the language, or '' (unmarked). */
  readonly role: string;
  /** key=value attributes; a bare word after the role is an attribute with value ''. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Where a block is, for test names and failure messages. */
export const where = (b: DocBlock): string => `${b.page}:${b.line} \`\`\`${b.info}`;

export function readBlocks(page: string): DocBlock[] {
  const lines = fs.readFileSync(path.join(REPO, page), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]);
    if (!open) continue;
    const info = open[1].trim();
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${page}:${i + 1}: code block never closed`);
    if (lines[end].trim() !== '```') throw new Error(`${page}:${end + 1}: a closing fence has an info string (a block opened at line ${i + 1} was not closed?)`);
    const [lang = '', role = '', ...rest] = info.split(/\s+/).filter(Boolean);
    const attrs = new Map<string, string>();
    for (const word of rest) {
      const eq = word.indexOf('=');
      attrs.set(eq < 0 ? word : word.slice(0, eq), eq < 0 ? '' : word.slice(eq + 1));
    }
    // A role that is itself key=value (```js excerpt=PATH) is the attribute, with role "excerpt".
    const roleEq = role.indexOf('=');
    const blockRole = roleEq < 0 ? role : role.slice(0, roleEq);
    if (roleEq >= 0) attrs.set(blockRole, role.slice(roleEq + 1));
    blocks.push({ page, line: i + 1, info, lang, role: blockRole, attrs, body: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

/**
 * The markers a block may carry, by language: anything else fails the marker test, so a new block
 * is either checked or explicitly marked as not run.
 */
export const MARKERS: Readonly<Record<string, readonly string[]>> = {
  json: ['config', 'invalid', 'neighbor'],
  js: ['library', 'policy', 'excerpt'],
  python: ['helper'],
  ts: ['types'],
  sh: ['run', 'norun'],
  text: ['output', 'expect', 'diagram', 'api'],
  conf: ['bird'],
  toml: ['gobgp'],
};

/** Why a block's marker is not one the spec knows, or undefined when it is. */
export function markerProblem(b: DocBlock): string | undefined {
  const roles = MARKERS[b.lang];
  if (!roles) return `language "${b.lang || '(none)'}" is not one of ${Object.keys(MARKERS).join(', ')}: give the block a language and a marker`;
  if (!roles.includes(b.role)) return `marker "${b.role || '(none)'}" is not one of ${roles.map((r) => `"${b.lang} ${r}"`).join(', ')}`;
  if ((b.role === 'invalid' || b.role === 'policy' || b.role === 'helper') && !b.attrs.get('file')) return `"${b.lang} ${b.role}" needs file=NAME`;
  if (b.role === 'excerpt' && !b.attrs.get('excerpt')) return '"js excerpt=PATH" needs the path of the file it quotes';
  const exit = b.attrs.get('exit');
  if (exit !== undefined && !/^\d+$/.test(exit)) return `exit=${exit}: expected an exit status`;
  return undefined;
}

/** Doc addresses and port, and the ones a test uses instead (127.0.0.241-249 are the docs specs' own). */
export const DOC_ADDRESSES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\b127\.0\.0\.1\b/g, '127.0.0.1', '127.0.0.241'],
  [/\b127\.0\.0\.2\b/g, '127.0.0.2', '127.0.0.242'],
  [/\b1790\b/g, '1790', '17942'],
];

/** A doc's text with its loopback addresses and port replaced by the test's own. */
export function toTestAddresses(text: string): string {
  return DOC_ADDRESSES.reduce((s, [re, , test]) => s.replace(re, test), text);
}

/** The reverse, for comparing what a snippet printed with what the doc shows. */
export function toDocAddresses(text: string): string {
  return DOC_ADDRESSES.reduce((s, [, doc, test]) => s.split(test).join(doc), text);
}

/** Does `actual` match the expected lines, where "..." in an expected line stands for any text? */
export function linesMatch(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((e, i) => wildcard(e).test(actual[i]));
}

function wildcard(line: string): RegExp {
  return new RegExp('^' + line.split('...').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}

/** The prefixes a block announces: `prefix: '...'` (library), config routes, and helper commands. */
export function announcedPrefixes(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/prefix: '([^']+)'/g)) out.add(m[1]);
  for (const m of text.matchAll(/announce route (\S+)/g)) out.add(m[1]);
  for (const m of text.matchAll(/ nlri ((?:[0-9a-f.:]+\/\d+ ?)+)/g)) for (const p of m[1].trim().split(' ')) out.add(p);
  return [...out];
}
