/**
 * Links between the README and docs/ pages lead somewhere (issue 11 item 17: the README linked a
 * DESIGN.md the repository did not have): every relative link names a file of the repository, and
 * an #anchor names a heading of that page, as GitHub makes anchors from headings.
 */
import fs from 'fs';
import path from 'path';
import { docPages, REPO } from './doc-blocks';

/** GitHub's anchor for a heading: lower case, punctuation other than "-" and "_" dropped, spaces to "-". */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1])));
}

/** Relative links outside code: [text](target), with the line they are on. */
function links(page: string): Array<{ line: number; target: string }> {
  const out: Array<{ line: number; target: string }> = [];
  let inCode = false;
  fs.readFileSync(path.join(REPO, page), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.startsWith('```')) inCode = !inCode;
      if (inCode) return;
      for (const m of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!/^[a-z]+:/.test(m[1])) out.push({ line: i + 1, target: m[1] });
      }
    });
  return out;
}

describe('links in the README and docs/', () => {
  it.each(docPages())('%s links only to files and headings that exist', (page) => {
    const broken = links(page).flatMap(({ line, target }) => {
      const [file, anchor] = target.split('#');
      const resolved = file === '' ? path.join(REPO, page) : path.resolve(path.dirname(path.join(REPO, page)), file);
      if (!fs.existsSync(resolved)) return [`${page}:${line}: ${target}: no such file`];
      if (anchor !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) return [`${page}:${line}: ${target}: no heading with that anchor`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('finds links to check (the pattern matches the pages)', () => {
    expect(links('README.md').length).toBeGreaterThan(10);
  });
});
