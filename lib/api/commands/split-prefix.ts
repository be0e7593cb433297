/**
 * ExaBGP's `split /N`: a route for a.b.c.d/L becomes the 2^(N-L) routes of its /N subnets
 * (configuration/static/route.py ParseStaticRoute.split). A split to a length not longer than the
 * prefix leaves it whole, as in ExaBGP. Bounded: more than MAX_SPLIT_ROUTES subnets is refused.
 */
import { Afi } from '../../wire/iana';
import { formatIpv4Number, formatIpv6 } from '../../wire/address';
import type { RoutePrefix } from './address-text';

export const MAX_SPLIT_ROUTES = 1_000_000;

/** The /`to` subnets of `prefix` as canonical text, or why not. */
export function splitPrefix(prefix: RoutePrefix, to: number): string[] | string {
  const bits = prefix.afi === Afi.IPV4 ? 32 : 128;
  if (to > bits) return `split /${to} is longer than a ${bits}-bit address`;
  if (to <= prefix.length) return [prefix.text];
  const count = 2 ** (to - prefix.length);
  if (count > MAX_SPLIT_ROUTES) return `split /${to} of ${prefix.text} would make ${count} routes (at most ${MAX_SPLIT_ROUTES})`;
  const out = new Array<string>(count);
  if (prefix.afi === Afi.IPV4) {
    const step = 2 ** (32 - to);
    for (let i = 0, addr = prefix.v4; i < count; i++, addr += step) out[i] = `${formatIpv4Number(addr)}/${to}`;
    return out;
  }
  const v6 = prefix.v6 as Buffer;
  const step = 1n << BigInt(128 - to);
  let addr = (v6.readBigUInt64BE(0) << 64n) | v6.readBigUInt64BE(8);
  const buf = Buffer.alloc(16);
  for (let i = 0; i < count; i++, addr += step) {
    buf.writeBigUInt64BE(addr >> 64n, 0);
    buf.writeBigUInt64BE(addr & 0xffffffffffffffffn, 8);
    out[i] = `${formatIpv6(buf)}/${to}`;
  }
  return out;
}
