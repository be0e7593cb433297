/** Per-daemon scratch directories under os.tmpdir(), removed on stop unless RXBGP_INTEROP_KEEP=1. */
import fs from 'fs';
import os from 'os';
import path from 'path';

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rxbgp-interop-${label}-`));
}

export function removeTempDir(dir: string): void {
  if (process.env.RXBGP_INTEROP_KEEP === '1') return;
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes then renames, so a daemon re-reading the file (SIGHUP, `birdc configure`) never sees half of it. */
export function writeFileAtomic(file: string, text: string): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, file);
}
