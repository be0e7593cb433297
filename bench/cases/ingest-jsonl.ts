/**
 * ingest-jsonl: the `ingest` case (BIRD → rxbgp as a library, an in-process consumer counting every
 * prefix) with a jsonl sink on the receiver (issue 6): every received UPDATE (and state event)
 * written as one line in the "compact" format (lib/sinks/event-lines.ts: prefixes as plain
 * strings) to a file in the run's temporary directory, without rotation (maxBytes 0). A row of the
 * ingest table beside `ingest`: the difference is the sink's cost while the table arrives. The
 * figures add when the sink had written the last event; afterwards the file is read back, one
 * JSON.parse per line, and must hold every prefix of the run exactly once.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { CompactLineTally } from '../consumers/compact-line-tally';
import { runSinkIngest } from '../consumers/sink-ingest';
import type { BenchCase, CaseCompletion, CaseContext } from './case-types';

/** The file the sink writes, in the run's temporary directory. */
export const JSONL_FILE = 'updates.jsonl';

/** The receiver's sink: compact lines to `file`, never rotated (one file holds the whole run). */
export function jsonlSinkConfig(file: string): Readonly<Record<string, unknown>> {
  return { name: 'updates', type: 'jsonl', file, format: 'compact', maxBytes: 0 };
}

export const ingestJsonlCase: BenchCase = {
  name: 'ingest-jsonl',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp + jsonl sink',
  summary: 'the ingest case with a jsonl sink on (compact format, to a file, no rotation); the file is read back and checked',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    let file = '';
    const run = await runSinkIngest(
      ctx,
      (dir) => {
        file = path.join(dir, JSONL_FILE);
        return jsonlSinkConfig(file);
      },
      setupStart,
    );
    const { checks, problems, figures } = run;
    checks.unshift('sink: jsonl, format "compact", one file (maxBytes 0: no rotation)');
    if (run.measurement.outcome !== 'done') return { setupSeconds: run.setupSeconds, measurement: run.measurement, figures, checks, problems };
    if (!fs.existsSync(file)) problems.push(`the jsonl sink wrote no file ${file}`);
    else {
      // Read after the receiver stopped, so the sink has closed the file.
      const text = fs.readFileSync(file, 'utf8');
      figures.push({ name: 'file', value: Buffer.byteLength(text) / 1e6, unit: 'MB' });
      const tally = new CompactLineTally(run.routes);
      tally.addText(text);
      (tally.exactlyOnce() ? checks : problems).push(`${JSONL_FILE}: ${tally.summary()}`);
      if (tally.exactlyOnce()) checks.push('the file holds every prefix of the run exactly once');
    }
    return { setupSeconds: run.setupSeconds, measurement: run.measurement, figures, checks, problems };
  },
};
