/**
 * The routes every benchmark case moves: `count` consecutive IPv4 /24s starting at a base, e.g.
 * 10.0.0.0/24, 10.0.1.0/24, … Kept as two numbers, never as a list: text is made per prefix only
 * where a daemon's input needs it (BIRD's config) and read back by index where output is checked.
 */

/** Every case announces /24s, the most common length in a full Internet table. */
export const PREFIX_LENGTH = 24;

const STEP = 2 ** (32 - PREFIX_LENGTH);

/** 127.0.0.0/8 (RFC 1122 loopback) is where the sessions run: the run must end before it. */
const LIMIT = 127 * 2 ** 24;

export class Ipv4PrefixRun {
  /** First network address as a uint32. */
  readonly base: number;

  constructor(
    first: string,
    readonly count: number,
  ) {
    const base = parseDottedQuad(first);
    if (base === undefined || base % STEP !== 0) throw new Error(`prefix run: ${first} is not a /${PREFIX_LENGTH} network address`);
    if (!Number.isInteger(count) || count < 1) throw new Error(`prefix run: count must be a positive integer, got ${count}`);
    if (base + count * STEP > LIMIT) {
      throw new Error(`prefix run: ${count} /${PREFIX_LENGTH}s from ${first} would reach 127.0.0.0/8 (at most ${(LIMIT - base) / STEP})`);
    }
    this.base = base;
  }

  /** Network address of prefix i as a uint32. */
  address(i: number): number {
    return this.base + i * STEP;
  }

  /** "a.b.c.0/24" for prefix i. */
  text(i: number): string {
    const a = this.address(i);
    return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${PREFIX_LENGTH}`;
  }

  /** Index of a prefix text in the run, or -1 when it is not one of them (also for another length or host bits). */
  indexOf(text: string): number {
    const slash = text.indexOf('/');
    if (slash < 0 || text.length !== slash + 3 || text.charCodeAt(slash + 1) !== 50 || text.charCodeAt(slash + 2) !== 52) return -1; // "/24"
    const address = parseDottedQuad(text, slash);
    if (address === undefined || address < this.base) return -1;
    const offset = address - this.base;
    if (offset % STEP !== 0) return -1;
    const i = offset / STEP;
    return i < this.count ? i : -1;
  }
}

/**
 * A dotted quad in text[0, end) as a uint32, read by character code: this runs once per received
 * prefix on the ingest path, so no split() or regular expression.
 */
export function parseDottedQuad(text: string, end = text.length): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      if (octet > 255) return undefined;
      digits++;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || dots !== 3) return undefined;
  return value * 256 + octet;
}
