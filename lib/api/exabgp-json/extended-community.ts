/**
 * RFC 4360 extended communities as ExaBGP 4.2 prints them:
 * `{ "value": <the 8 octets as one unsigned integer>, "string": "<text>" }`.
 *
 * ExaBGP looks a community up by (type & 0x0F, sub-type), so the IANA-authority and
 * non-transitive bits never change the text; a pair it has no class for gets an empty string.
 * Its registry is filled by imports: the link-bandwidth class (0x40/0x04) is never imported,
 * so it prints "" too. Texts below follow exabgp/bgp/message/update/attribute/community/extended/.
 */
import { formatIpv4 } from '../../wire/address';

/** Eight bytes of the community, big-endian, in a reused scratch buffer. */
const scratch = Buffer.alloc(8);

function asn2Number(prefix: string, b: Buffer): string {
  return `${prefix}:${b.readUInt16BE(2)}:${b.readUInt32BE(4)}`;
}

function ipNumber(prefix: string, b: Buffer): string {
  return `${prefix}:${formatIpv4(b, 2)}:${b.readUInt16BE(6)}`;
}

function asn4Number(prefix: string, b: Buffer): string {
  return `${prefix}:${b.readUInt32BE(2)}L:${b.readUInt16BE(6)}`;
}

const ENCAPSULATION: Readonly<Record<number, string>> = {
  0: 'Default',
  1: 'L2TPv3',
  2: 'GRE',
  7: 'IP-in-IP',
  8: 'VXLAN',
  9: 'NVGRE',
  10: 'MPLS',
  12: 'VXLAN-GPE',
  13: 'MPLS-in-UDP',
};

const INTERFACE_SET_DIRECTION: Readonly<Record<number, string>> = { 1: 'input', 2: 'output', 3: 'input-output' };

/** The text ExaBGP gives one community, keyed like its registry; undefined when it has no class for it. */
function communityText(b: Buffer): string | undefined {
  const key = ((b[0] & 0x0f) << 8) | b[1];
  switch (key) {
    case 0x0002: // route target, 2-octet AS (RFC 4360 §4)
      return asn2Number('target', b);
    case 0x0102: // route target, IPv4 address
      return ipNumber('target', b);
    case 0x0202: // route target, 4-octet AS (RFC 5668)
      return asn4Number('target', b);
    case 0x0003: // route origin: ExaBGP reads a 2-octet AS and an IPv4 address here
      return `origin:${b.readUInt16BE(2)}:${formatIpv4(b, 4)}`;
    case 0x0103: // route origin IP:AS; ExaBGP passes the two fields to its class in swapped order
      return `origin:${b.readUInt16BE(6)}:${formatIpv4(b, 2)}`;
    case 0x0203:
      return `origin:${b.readUInt32BE(2)}L:${b.readUInt16BE(6)}`;
    case 0x0013: // RT-record (draft-ietf-idr-rt-derived-community)
      return asn2Number('rtrecord', b);
    case 0x0113:
      return ipNumber('rtrecord', b);
    case 0x0213:
      return asn4Number('rtrecord', b);
    case 0x0006: // RFC 8955 traffic-rate: "%d" of the IEEE float, truncated
      return `rate-limit:${pythonIntOfFloat(b.readFloatBE(4))}`;
    case 0x0007: {
      // RFC 8955 traffic-action: S (sample) and T (terminal) bits of the last octet
      const words: string[] = [];
      if (b[7] & 0x02) words.push('sample');
      if (b[7] & 0x01) words.push('terminal');
      return `action ${words.join('-')}`;
    }
    case 0x0008: // RFC 8955 redirect, 2-octet AS
      return `redirect:${b.readUInt16BE(2)}:${b.readUInt32BE(4)}`;
    case 0x0208: // redirect, 4-octet AS: ExaBGP's class only defines __str__, so its JSON recurses; print what it means
      return `redirect:${b.readUInt32BE(2)}:${b.readUInt16BE(6)}`;
    case 0x0009: // RFC 8955 traffic-marking
      return `mark ${b[7]}`;
    case 0x000a: // RFC 4761 layer-2 info
      return `l2info:${b[2]}:${b[3]}:${b.readUInt16BE(4)}:${b.readUInt16BE(6)}`;
    case 0x010c: {
      // draft-ietf-idr-flowspec-redirect-ip: redirect / copy to an IPv4 next hop
      const ip = formatIpv4(b, 2);
      return b[7] & 0x01 ? `copy-to-nexthop-ietf ${ip} (with copy)` : `redirect-to-nexthop-ietf ${ip}`;
    }
    case 0x0800: // draft-simpson-idr-flowspec-redirect
      return b[7] & 0x01 ? 'copy-to-nexthop' : 'redirect-to-nexthop';
    case 0x030c: // RFC 9012 encapsulation
      return `encap:${ENCAPSULATION[b.readUInt16BE(6)] ?? `encap:UNKNOWN-${b.readUInt16BE(6)}`}`;
    case 0x0314: // consistent hash sort order
      return `consistentHashSortOrder:${b.readUInt32BE(2)}`;
    case 0x0702: {
      // RFC 8955-bis interface-set: direction in the top 2 bits, target in the low 13
      const word = b.readUInt16BE(6);
      const direction = word >>> 14;
      return `interface-set:${INTERFACE_SET_DIRECTION[direction] ?? String(direction)}:${b.readUInt32BE(2)}:${word & 0x1fff}`;
    }
    case 0x0600: // RFC 7432 MAC mobility
      return `mac-mobility:${b.readUInt32BE(4)}${b[2] === 1 ? ':sticky' : ''}`;
    default:
      return undefined;
  }
}

/** Python's `'%d' % float`: truncation toward zero, printed in full. */
function pythonIntOfFloat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return BigInt(Math.trunc(value)).toString();
}

/**
 * The number ExaBGP prints as "value". It is the received octets, except for MAC mobility,
 * whose class rebuilds them from the parsed fields (type 0x06, sticky 0/1, zero, sequence).
 */
function communityValue(value: bigint, b: Buffer): bigint {
  if ((b[0] & 0x0f) === 0x06 && b[1] === 0x00) {
    const sticky = b[2] === 1 ? 1n : 0n;
    return (0x0600n << 48n) | (sticky << 40n) | BigInt(b.readUInt32BE(4));
  }
  return value;
}

/** One community as ExaBGP's `ExtendedCommunityBase.json()` writes it. */
export function extendedCommunityJson(value: bigint): string {
  scratch.writeBigUInt64BE(BigInt.asUintN(64, value));
  const text = communityText(scratch) ?? '';
  return `{ "value": ${communityValue(value, scratch)}, "string": "${text}" }`;
}
