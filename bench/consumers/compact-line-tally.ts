/**
 * Reads back what a sink wrote in the "compact" format (lib/sinks/event-lines.ts: one JSON object
 * per event, prefixes as plain strings), as a consumer of the file or topic would: one JSON.parse
 * per line, every announced prefix counted into a PrefixTally of the expected run, so a prefix
 * missing, repeated, withdrawn or not of the run is found.
 *
 *   {"time":…,"neighbor":"bench","peer":"127.0.3.3","peerAs":65003,"type":"update","direction":"receive",
 *    "announce":{"ipv4 unicast":{"198.51.100.1":["10.0.0.0/24",…]}},"withdraw":{"ipv4 unicast":[…]},"attribute":{…}}
 */
import { PrefixTally } from '../measure/prefix-tally';
import type { Ipv4PrefixRun } from '../gen/prefix-run';

const FAMILY = 'ipv4 unicast';

interface CompactEvent {
  readonly type?: unknown;
  readonly peer?: unknown;
  readonly announce?: Record<string, Record<string, unknown>>;
  readonly withdraw?: Record<string, unknown>;
}

export class CompactLineTally {
  readonly prefixes: PrefixTally;
  /** Lines read (blank ones not counted). */
  lines = 0;
  updates = 0;
  /** Other events: state changes, notifications. */
  others = 0;
  /** Lines that are not a JSON object, or an update whose prefix lists are not lists of strings. */
  malformed = 0;
  /** Peers named by the lines, with how many lines each. */
  readonly peers = new Map<string, number>();

  constructor(run: Ipv4PrefixRun) {
    this.prefixes = new PrefixTally(run, []);
  }

  /** Takes one line (a trailing newline or carriage return is ignored). */
  add(line: string): void {
    const text = line.trim();
    if (!text) return;
    this.lines++;
    let e: CompactEvent;
    try {
      e = JSON.parse(text) as CompactEvent;
    } catch {
      this.malformed++;
      return;
    }
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      this.malformed++;
      return;
    }
    if (typeof e.peer === 'string') this.peers.set(e.peer, (this.peers.get(e.peer) ?? 0) + 1);
    if (e.type !== 'update') {
      this.others++;
      return;
    }
    this.updates++;
    for (const [family, byHop] of Object.entries(e.announce ?? {})) {
      for (const list of Object.values(byHop ?? {})) {
        if (!isStrings(list)) {
          this.malformed++;
          continue;
        }
        // Another family than the run's is unexpected, whatever its prefixes.
        if (family === FAMILY) for (const p of list) this.prefixes.announce(p);
        else {
          this.prefixes.announcedEntries += list.length;
          this.prefixes.unexpected += list.length;
        }
      }
    }
    for (const list of Object.values(e.withdraw ?? {})) {
      if (!isStrings(list)) this.malformed++;
      else for (const p of list) this.prefixes.withdraw(p);
    }
  }

  /** Every line of a text (a whole file). */
  addText(text: string): void {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      this.add(text.slice(start, end));
      start = end + 1;
    }
  }

  /** Each prefix of the run exactly once, nothing else, nothing withdrawn, every line readable. */
  exactlyOnce(): boolean {
    const p = this.prefixes;
    return p.matchesRun() && p.duplicates === 0 && this.malformed === 0;
  }

  /** One line for a case's checks. */
  summary(): string {
    const p = this.prefixes;
    return (
      `${this.lines} lines (${this.updates} updates, ${this.others} other events, ${this.malformed} malformed): ` +
      `${p.distinct} distinct of ${p.run.count} expected prefixes, ${p.duplicates} repeated, ${p.unexpected} unexpected, ${p.withdrawn} withdrawn`
    );
  }
}

function isStrings(u: unknown): u is string[] {
  return Array.isArray(u) && u.every((x) => typeof x === 'string');
}
