/**
 * Prefix lists for policies, in the notation routers use: "10.0.0.0/8" (exactly that prefix),
 * "10.0.0.0/8 le 24" (it and anything inside it up to /24), "0.0.0.0/0 ge 25" (anything longer
 * than /24), "2001:db8::/32 le 48". IPv4 entries match by number, so a packed route is never
 * turned into text; IPv6 entries compare address bytes.
 */
import { Afi } from '../wire/iana';
import { parsePrefix } from '../wire/address';
import { ipv4Mask } from '../wire/nlri/ipv4-prefix';
import type { RouteView } from './route-view';

interface Ipv4Entry {
  readonly network: number;
  readonly length: number;
  readonly mask: number;
  readonly ge: number;
  readonly le: number;
}

interface Ipv6Entry {
  readonly address: Buffer;
  readonly length: number;
  readonly ge: number;
  readonly le: number;
}

/** No entries: the bucket of most first octets. */
const NONE: readonly Ipv4Entry[] = [];

export class PrefixList {
  /** IPv4 entries by the first octet of the addresses they cover: a route is checked against its own bucket only. */
  private readonly byOctet: ReadonlyArray<readonly Ipv4Entry[]>;

  private constructor(
    v4: readonly Ipv4Entry[],
    private readonly v6: readonly Ipv6Entry[],
  ) {
    const buckets: Ipv4Entry[][] = [];
    for (const e of v4) {
      const first = e.network >>> 24;
      // A prefix shorter than /8 covers 2^(8 - length) first octets.
      const span = e.length >= 8 ? 1 : 1 << (8 - e.length);
      for (let o = first; o < first + span; o++) (buckets[o] ??= []).push(e);
    }
    this.byOctet = Array.from({ length: 256 }, (_, o) => buckets[o] ?? NONE);
  }

  /** Throws an Error naming the entry when one is not valid. */
  static parse(entries: readonly string[]): PrefixList {
    const v4: Ipv4Entry[] = [];
    const v6: Ipv6Entry[] = [];
    for (const [i, entry] of entries.entries()) {
      const fail = (why: string) => new Error(`prefix list entry ${i} "${entry}": ${why}`);
      const words = entry.trim().split(/\s+/);
      const parsed = parsePrefix(words[0] ?? '');
      if (typeof parsed === 'string') throw fail(parsed);
      const max = parsed.afi === Afi.IPV4 ? 32 : 128;
      let ge = parsed.length;
      let le = parsed.length;
      for (let w = 1; w < words.length; w += 2) {
        const n = Number(words[w + 1]);
        if (!Number.isInteger(n) || n < parsed.length || n > max) throw fail(`"${words[w]}" needs a length from ${parsed.length} to ${max}`);
        if (words[w] === 'ge') {
          ge = n;
          if (le < ge) le = max;
        } else if (words[w] === 'le') le = n;
        else throw fail(`unknown word "${words[w]}" (ge or le)`);
      }
      if (ge > le) throw fail(`ge ${ge} is above le ${le}`);
      if (parsed.afi === Afi.IPV4) {
        const mask = ipv4Mask(parsed.length);
        v4.push({ network: parsed.address.readUInt32BE(0), length: parsed.length, mask, ge, le });
      } else v6.push({ address: parsed.address, length: parsed.length, ge, le });
    }
    return new PrefixList(v4, v6);
  }

  /** True when some IPv4 entry covers `address`/`length` (a packed route's parts: no text). */
  matchesIpv4(address: number, length: number): boolean {
    const bucket = this.byOctet[address >>> 24];
    for (let i = 0; i < bucket.length; i++) {
      const e = bucket[i];
      if (length >= e.ge && length <= e.le && ((address & e.mask) >>> 0) === e.network) return true;
    }
    return false;
  }

  /** True when some entry covers the route. */
  matches(route: RouteView): boolean {
    if (route.ipv4 >= 0) {
      const { ipv4, length } = route;
      const bucket = this.byOctet[ipv4 >>> 24];
      for (let i = 0; i < bucket.length; i++) {
        const e = bucket[i];
        if (length >= e.ge && length <= e.le && ((ipv4 & e.mask) >>> 0) === e.network) return true;
      }
      return false;
    }
    if (route.afi !== Afi.IPV6 || this.v6.length === 0) return false;
    const parsed = parsePrefix(route.prefix);
    if (typeof parsed === 'string') return false;
    for (const e of this.v6) if (parsed.length >= e.ge && parsed.length <= e.le && coveredBy(parsed.address, e.address, e.length)) return true;
    return false;
  }
}

function coveredBy(address: Buffer, network: Buffer, length: number): boolean {
  const whole = length >> 3;
  for (let i = 0; i < whole; i++) if (address[i] !== network[i]) return false;
  const rest = length & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (address[whole] & mask) === network[whole];
}
