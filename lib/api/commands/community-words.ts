/**
 * Community values as ExaBGP's API writes them (configuration/static/parser.py), on top of the
 * config's text parsers: RFC 1997 communities also as 0x-hex and "no-peer"; extended communities also
 * in ExaBGP's extra spellings (two-part "a:b" = target, target4/origin4, an "AS:IPv4" target, an
 * "L"-suffixed AS, redirect, bandwidth, l2info, redirect-to-nexthop).
 */
import { parseCommunity } from '../../wire/community-text';
import { parseEvpnExtendedCommunity, parseExtendedCommunity } from '../../wire/extended-community-text';
import { ipv4Number } from './address-text';
import { parseUint, U16_MAX, U32_MAX } from './number-text';

/** RFC 1997 community as a uint32, or why not. */
export function communityOfWord(word: string): number | string {
  const c0 = word.charCodeAt(0);
  // Fast path for the common "AS:value" form.
  if (c0 >= 48 && c0 <= 57) {
    const colon = word.indexOf(':');
    if (colon > 0) {
      const high = parseUint(word.slice(0, colon), U16_MAX);
      const low = parseUint(word.slice(colon + 1), U16_MAX);
      if (high !== undefined && low !== undefined) return high * 0x10000 + low;
    }
  }
  if (word.length > 2 && c0 === 48 && (word.charCodeAt(1) | 0x20) === 120) {
    const value = hexValue(word, 2);
    if (value !== undefined && value <= U32_MAX) return value;
    return 'expected a community 0x with at most 8 hex digits';
  }
  if (word.toLowerCase() === 'no-peer') return parseCommunity('nopeer'); // ExaBGP accepts both spellings
  return parseCommunity(word);
}

function hexValue(word: string, from: number): number | undefined {
  if (word.length - from > 8) return undefined;
  let value = 0;
  for (let i = from; i < word.length; i++) {
    const d = parseInt(word[i], 16);
    if (Number.isNaN(d)) return undefined;
    value = value * 16 + d;
  }
  return value;
}

// RFC 4360 §3-§5 / RFC 5668 / RFC 7153 type and sub-type octets of ExaBGP's named forms.
const TARGET = 0x0002n;
const ORIGIN = 0x0003n;
const TARGET_AS4 = 0x0202n;
const ORIGIN_AS4 = 0x0203n;
const REDIRECT = 0x8008n; // RFC 8955 §7.6 traffic redirect, 2-octet AS
const BANDWIDTH = 0x4004n; // draft-ietf-idr-link-bandwidth, non-transitive
const L2INFO = 0x800an; // RFC 4761 §3.2.4 layer2 info
const REDIRECT_TO_NEXTHOP = 0x0800n; // draft-simpson-idr-flowspec-redirect

const scratch = Buffer.alloc(4);

/** The extended community as the 8 octets in a bigint, or why not. */
export function extendedCommunityOfWord(word: string): bigint | string {
  if (word === 'redirect-to-nexthop') return REDIRECT_TO_NEXTHOP << 48n;
  // EVPN's communities (mac-mobility:5, encap:VXLAN, router-mac:..., RFC 7432 §7): before the two-part
  // rule below, which would read encap:VXLAN as a route target.
  const evpn = parseEvpnExtendedCommunity(word);
  if (evpn !== undefined) return evpn;
  const parts = word.split(':');
  if (parts.length === 3 && (parts[0] === 'target' || parts[0] === 'origin')) {
    const standard = parseExtendedCommunity(word);
    if (typeof standard === 'bigint') return standard;
    const special = asAndIpv4OrSuffixed(parts[0] === 'target', parts[1], parts[2]);
    return special ?? standard;
  }
  if (parts.length === 2) {
    // ExaBGP: two parts mean a route target.
    return extendedCommunityOfWord(`target:${word}`);
  }
  if (parts.length < 2) return parseExtendedCommunity(word); // 0x and 16 hex digits, or the error
  const [kind, a, b] = parts;
  const bad = `expected an extended community ${kind}:`;
  switch (kind) {
    case 'target4':
    case 'origin4': {
      const asn = parseUint(a.endsWith('L') ? a.slice(0, -1) : a, U32_MAX);
      const local = parseUint(b, U16_MAX);
      if (parts.length !== 3 || asn === undefined || local === undefined) return `${bad}AS4:NUMBER (AS 0..4294967295, NUMBER 0..65535)`;
      return ((kind === 'target4' ? TARGET_AS4 : ORIGIN_AS4) << 48n) | (BigInt(asn) << 16n) | BigInt(local);
    }
    case 'redirect': {
      const asn = parseUint(a, U16_MAX);
      const local = parseUint(b, U32_MAX);
      if (parts.length !== 3 || asn === undefined || local === undefined) return `${bad}AS:NUMBER (AS 0..65535, NUMBER 0..4294967295)`;
      return (REDIRECT << 48n) | (BigInt(asn) << 32n) | BigInt(local);
    }
    case 'bandwidth': {
      const asn = parseUint(a, U16_MAX);
      const rate = Number(b);
      if (parts.length !== 3 || asn === undefined || b === '' || !Number.isFinite(rate) || rate < 0) return `${bad}AS:BYTES-PER-SECOND`;
      scratch.writeFloatBE(rate, 0); // IEEE float, as ExaBGP packs it
      return (BANDWIDTH << 48n) | (BigInt(asn) << 32n) | BigInt(scratch.readUInt32BE(0));
    }
    case 'l2info': {
      const encaps = parseUint(a, 0xff);
      const control = parseUint(b, 0xff);
      const mtu = parts.length === 5 ? parseUint(parts[3], U16_MAX) : undefined;
      const site = parts.length === 5 ? parseUint(parts[4], U16_MAX) : undefined;
      if (encaps === undefined || control === undefined || mtu === undefined || site === undefined) return `${bad}ENCAPS:CONTROL:MTU:SITE`;
      return (L2INFO << 48n) | (BigInt(encaps) << 40n) | (BigInt(control) << 32n) | (BigInt(mtu) << 16n) | BigInt(site);
    }
    default:
      return 'expected an extended community: target:, origin:, target4:, origin4:, redirect:, bandwidth:, l2info:, mac-mobility:, encap:, esi-label:, router-mac:, default-gateway, redirect-to-nexthop or 0x and 16 hex digits';
  }
}

/** ExaBGP's "AS:a.b.c.d" target/origin (2-octet AS, IPv4 as the local part) and "65000L:7" (forced 4-octet AS). */
function asAndIpv4OrSuffixed(target: boolean, admin: string, local: string): bigint | undefined {
  const asn = parseUint(admin, U16_MAX);
  const address = ipv4Number(local);
  if (asn !== undefined && address !== undefined) {
    return ((target ? TARGET : ORIGIN) << 48n) | (BigInt(asn) << 32n) | BigInt(address);
  }
  if (admin.endsWith('L')) {
    const asn4 = parseUint(admin.slice(0, -1), U32_MAX);
    const number = parseUint(local, U16_MAX);
    if (asn4 !== undefined && number !== undefined) return ((target ? TARGET_AS4 : ORIGIN_AS4) << 48n) | (BigInt(asn4) << 16n) | BigInt(number);
  }
  return undefined;
}
