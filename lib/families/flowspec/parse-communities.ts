/**
 * Community words of a flow route's `then` part, as ExaBGP's configuration/static/parser.py reads
 * them. lib/api and lib/config have the same parsers for unicast routes, but families may only
 * import lib/wire: these should move to lib/wire and be shared once the family layer lands.
 *
 *   community:           65000:1  4259905793  0xFDE80001  no-export  no-peer  blackhole ...   RFC 1997
 *   large-community:     65000:1:2                                                           RFC 8092
 *   extended-community:  target:65000:1  origin:192.0.2.1:7  target4:4200000000:1  65000:1 (= target)
 *                        redirect:65000:1  redirect-to-nexthop  copy-to-nexthop  bandwidth:65000:1000
 *                        l2info:19:0:1500:1  0x + 16 hex digits                            RFC 4360, RFC 5668
 *                        rate-limit:N  rate-limit:N:packets  interface-set:...              (ExaBGP 5 spellings)
 */
import { parseIpv4 } from '../../wire/address';
import { communityValue } from '../../wire/community-names';
import { flowActionCommunity } from './actions';
import { parseInterfaceSet } from './parse-interface-set';
import { parseRedirect } from './parse-redirect';

const U16 = 0xffff;
const U32 = 0xffffffff;

function uint(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** RFC 1997 community as a uint32, or why not. */
export function communityOfWord(word: string): number | string {
  const named = communityValue(word);
  if (named !== undefined) return named;
  const colon = word.indexOf(':');
  if (colon > 0) {
    const high = uint(word.slice(0, colon), U16);
    const low = uint(word.slice(colon + 1), U16);
    if (high === undefined || low === undefined) return 'expected a community AS:value with each part 0..65535';
    return high * 0x10000 + low;
  }
  if (/^0x[0-9a-fA-F]{1,8}$/.test(word)) return parseInt(word.slice(2), 16);
  const value = uint(word, U32);
  return value ?? 'expected a community AS:value, a number, 0x hex or a well-known name (no-export, blackhole, ...)';
}

/** RFC 8092 large community, or why not. */
export function largeCommunityOfWord(word: string): [number, number, number] | string {
  const parts = word.split(':').map((p) => uint(p, U32));
  if (parts.length !== 3 || parts.some((p) => p === undefined)) return 'expected a large community global:local1:local2 with each part 0..4294967295';
  return parts as [number, number, number];
}

function build(type: number, high: bigint, highBits: number, low: bigint): bigint {
  return (BigInt(type) << 48n) | (high << BigInt(48 - highBits)) | low;
}

/** target / origin in the layout the administrator needs (RFC 4360 §3.1-§3.2, RFC 5668). */
function routeTargetOrOrigin(subtype: 0x02 | 0x03, admin: string, number: string, force4: boolean): bigint | string {
  const local = uint(number, U32);
  const address = parseIpv4(admin);
  if (address !== undefined) {
    if (local === undefined || local > U16) return 'expected NUMBER 0..65535 after an IPv4 administrator';
    return build(0x0100 | subtype, BigInt(address), 32, BigInt(local));
  }
  const localAddress = parseIpv4(number);
  const asn = uint(admin.endsWith('L') ? admin.slice(0, -1) : admin, U32);
  if (asn === undefined) return 'expected an AS number (0..4294967295) or an IPv4 address before the colon';
  if (localAddress !== undefined && asn <= U16) return build(subtype, BigInt(asn), 16, BigInt(localAddress)); // ExaBGP's AS:a.b.c.d
  if (local === undefined) return 'expected NUMBER 0..4294967295 after the colon';
  if (!force4 && !admin.endsWith('L') && asn <= U16) return build(subtype, BigInt(asn), 16, BigInt(local));
  if (local > U16) return 'expected NUMBER 0..65535 after a 4-octet AS';
  return build(0x0200 | subtype, BigInt(asn), 32, BigInt(local));
}

/** An RFC 4360 extended community as its 8 octets, or why not. */
export function extendedCommunityOfWord(word: string): bigint | string {
  const lower = word.toLowerCase();
  if (lower === 'redirect-to-nexthop' || lower === 'copy-to-nexthop') return flowActionCommunity({ kind: 'redirect-to-nexthop', copy: lower === 'copy-to-nexthop' });
  if (/^0x[0-9a-fA-F]{16}$/.test(word)) return BigInt(word);
  const parts = word.split(':');
  const [kind, ...rest] = parts;
  switch (kind.toLowerCase()) {
    case 'target':
    case 'origin':
    case 'target4':
    case 'origin4':
      if (rest.length !== 2) return `expected ${kind}:ADMIN:NUMBER`;
      return routeTargetOrOrigin(kind.startsWith('target') ? 0x02 : 0x03, rest[0], rest[1], kind.endsWith('4'));
    case 'redirect': {
      const action = parseRedirect(rest.join(':'));
      if (typeof action === 'string') return action;
      if (action.kind === 'next-hop' || action.kind === 'redirect-ipv6') return 'expected redirect:AS:NUMBER or redirect:IPv4:NUMBER';
      return flowActionCommunity(action);
    }
    case 'rate-limit': {
      const rate = uint(rest[0] ?? '', 1e12);
      if (rate === undefined || rest.length > 2 || (rest.length === 2 && rest[1] !== 'packets')) return 'expected rate-limit:BYTES-PER-SECOND or rate-limit:N:packets';
      return flowActionCommunity(rest.length === 2 ? { kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate } : { kind: 'rate-limit', asn: 0, bytesPerSecond: rate });
    }
    case 'interface-set': {
      const action = parseInterfaceSet(rest.join(':'));
      return typeof action === 'string' ? action : flowActionCommunity(action);
    }
    case 'bandwidth': {
      const asn = uint(rest[0] ?? '', U16);
      const rate = Number(rest[1]);
      if (rest.length !== 2 || asn === undefined || rest[1] === '' || !Number.isFinite(rate) || rate < 0) return 'expected bandwidth:AS:BYTES-PER-SECOND';
      const b = Buffer.alloc(4);
      b.writeFloatBE(rate);
      return build(0x4004, BigInt(asn), 16, BigInt(b.readUInt32BE(0))); // draft-ietf-idr-link-bandwidth
    }
    case 'l2info': {
      const v = rest.map((p, i) => uint(p, i < 2 ? 0xff : U16));
      if (v.length !== 4 || v.some((x) => x === undefined)) return 'expected l2info:ENCAPS:CONTROL:MTU:SITE';
      const [encaps, control, mtu, site] = v as number[];
      return (0x800an << 48n) | (BigInt(encaps) << 40n) | (BigInt(control) << 32n) | (BigInt(mtu) << 16n) | BigInt(site); // RFC 4761 §3.2.4
    }
    default:
      if (parts.length === 2) return routeTargetOrOrigin(0x02, parts[0], parts[1], false); // ExaBGP: two parts are a target
      return 'expected an extended community: target:, origin:, target4:, origin4:, redirect:, rate-limit:, interface-set:, bandwidth:, l2info:, redirect-to-nexthop or 0x and 16 hex digits';
  }
}
