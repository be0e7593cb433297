/**
 * The "sinks" list: defaults, paths against the config file's directory, unique names, and
 * filters that name configured neighbors.
 */
import fs from 'fs';
import { dirname, isAbsolute, resolve as resolvePath } from 'path';
import { joinIndex, joinKey } from './config-error';
import { nearestKey } from '../wire/nearest-key';
import { checkMrtPattern } from '../mrt/file-name';
import type { SinkFile } from './sink-codec';
import type { NeighborConfig, SinkConfig } from './types';

type Report = (path: string, message: string) => void;

export const SINK_DEFAULTS = {
  bufferEvents: 100_000,
  format: 'exabgp',
  maxBytes: 100 * 2 ** 20,
  keep: 5,
  pattern: 'updates.%Y%m%d.%H%M',
  rotateSeconds: 900,
} as const;

export function resolveSinks(sinks: readonly SinkFile[] | undefined, neighbors: readonly NeighborConfig[], baseDir: string | undefined, report: Report): SinkConfig[] {
  const names = new Map<string, number>();
  const known = neighbors.flatMap((n) => [n.name, n.peerAddress]);
  const path = (p: string) => (baseDir !== undefined && !isAbsolute(p) ? resolvePath(baseDir, p) : p);
  return (sinks ?? []).map((s, i) => {
    const at = joinIndex('sinks', i);
    const first = names.get(s.name);
    if (first !== undefined) report(joinKey(at, 'name'), `duplicate sink name "${s.name}": sinks[${first}] has it too`);
    else names.set(s.name, i);
    (s.filter?.neighbors ?? []).forEach((n, j) => {
      if (known.includes(n)) return;
      const near = nearestKey(n, known);
      report(joinIndex(joinKey(joinKey(at, 'filter'), 'neighbors'), j), `no neighbor named "${n}"${near ? ` (did you mean "${near}"?)` : ''}: give a neighbor's description or peer address`);
    });
    const base = {
      name: s.name,
      filter: { ...(s.filter?.neighbors ? { neighbors: [...s.filter.neighbors] } : {}), ...(s.filter?.events ? { events: [...s.filter.events] } : {}) },
      bufferEvents: s.buffer?.events ?? SINK_DEFAULTS.bufferEvents,
    };
    switch (s.type) {
      case 'stdout':
        return { ...base, type: 'stdout', format: s.format ?? SINK_DEFAULTS.format };
      case 'log':
        return { ...base, type: 'log' };
      case 'jsonl': {
        const file = path(s.file);
        const problem = directoryProblem(dirname(file));
        if (problem) report(joinKey(at, 'file'), `cannot write "${file}": its directory ${problem}`);
        return { ...base, type: 'jsonl', file, format: s.format ?? SINK_DEFAULTS.format, maxBytes: s.maxBytes ?? SINK_DEFAULTS.maxBytes, keep: s.keep ?? SINK_DEFAULTS.keep };
      }
      case 'kafka': {
        s.brokers.forEach((b, j) => {
          if (!/^[^\s:]+:\d{1,5}$/.test(b) && !/^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(b)) report(joinIndex(joinKey(at, 'brokers'), j), `expected "host:port", got "${b}"`);
        });
        return {
          ...base,
          type: 'kafka',
          brokers: [...s.brokers],
          topic: s.topic,
          format: s.format ?? SINK_DEFAULTS.format,
          clientId: s.clientId ?? 'rxbgp',
          key: s.key ?? 'peer',
          compression: s.compression ?? 'none',
          acks: (s.acks ?? -1) as -1 | 0 | 1,
          per: s.per ?? 'event',
          batchEvents: s.batch?.events ?? 1000,
          lingerMs: s.batch?.lingerMs ?? 20,
        };
      }
      case 'mrt': {
        const directory = path(s.directory);
        const badPattern = s.pattern !== undefined ? checkMrtPattern(s.pattern) : undefined;
        if (badPattern) report(joinKey(at, 'pattern'), badPattern);
        const problem = directoryProblem(directory);
        if (problem) report(joinKey(at, 'directory'), `cannot write MRT files in "${directory}": it ${problem}`);
        return {
          ...base,
          type: 'mrt',
          directory,
          pattern: s.pattern ?? SINK_DEFAULTS.pattern,
          rotateSeconds: s.rotateSeconds ?? SINK_DEFAULTS.rotateSeconds,
          sent: s.sent ?? false,
        };
      }
    }
  });
}

function directoryProblem(dir: string): string | undefined {
  try {
    if (!fs.statSync(dir).isDirectory()) return 'is not a directory';
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : `is not writable (${code ?? String(e)})`;
  }
}
