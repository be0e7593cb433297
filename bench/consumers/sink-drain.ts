/**
 * When a speaker's sinks have written everything they took, read from their counters
 * (speaker.sinkStats(), lib/sinks/sink.ts), and what those counters prove once a run ends.
 */
import type { SinkStats } from '../../lib/sinks/sink';

/**
 * Every sink took something and has nothing left: its queue is empty and no batch is being written
 * (a batch taken from the queue counts as written, or skipped, only once its write() resolved).
 */
export function sinksDrained(stats: ReadonlyMap<string, SinkStats>): boolean {
  if (stats.size === 0) return false;
  for (const s of stats.values()) if (s.accepted === 0 || s.queued > 0 || s.written + s.skipped + s.dropped < s.accepted) return false;
  return true;
}

/** A map of sink counters as a JSON object (for a consumer's stdout line). */
export function sinkStatsObject(stats: ReadonlyMap<string, SinkStats>): Record<string, SinkStats> {
  return Object.fromEntries(stats);
}

/** Each sink wrote every event it took (or had nothing to write for it): nothing dropped, no write failed. */
export function sinkStatsVerdict(stats: Readonly<Record<string, SinkStats>> | undefined, expected: readonly string[]): { checks: string[]; problems: string[] } {
  const checks: string[] = [];
  const problems: string[] = [];
  if (!stats) return { checks, problems: ['the consumer printed no sink counters'] };
  for (const name of expected) {
    const s = stats[name];
    if (!s) {
      problems.push(`sink ${name}: no counters (not configured?)`);
      continue;
    }
    const skipped = s.skipped ? `, ${s.skipped} with nothing to write` : '';
    const line = `sink ${name}: ${s.written} of ${s.accepted} events written${skipped}, ${s.dropped} dropped, ${s.errors} failed writes${s.lastError ? ` (last: ${s.lastError})` : ''}`;
    (s.written + s.skipped === s.accepted && s.dropped === 0 && s.errors === 0 && s.queued === 0 ? checks : problems).push(line);
  }
  return { checks, problems };
}
