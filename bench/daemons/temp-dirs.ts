/** Temporary directories of a run (configs, sockets, route files), all removed at the end or on interrupt. */
import fs from 'fs';
import os from 'os';
import path from 'path';

const created = new Set<string>();

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rxbgp-bench-${label}-`));
  created.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  created.delete(dir);
}

export function removeAllTempDirs(): void {
  for (const dir of [...created]) removeTempDir(dir);
}
