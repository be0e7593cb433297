/**
 * The value of `redirect` (RFC 8955 §7.4 rt-redirect, RFC 8956 §6.1 rt-redirect-ipv6, and ExaBGP's
 * redirect to a next hop):
 *
 *   65000:100           AS-2byte route target           0x8008
 *   4200000000:100      AS-4byte route target           0x8208 (also 65000L:100)
 *   192.0.2.1:100       IPv4 route target               0x8108 (ExaBGP 4.2 refuses this form)
 *   [2001:db8::1]:100   IPv6 route target               IPv6 extended community 0x000d
 *   192.0.2.1 / 2001:db8::1   redirect to that next hop: NLRI next hop + 0x0800 (draft-simpson)
 */
import { formatIpv4Number, formatIpv6, parseIpv4, parseIpv6 } from '../../wire/address';
import type { FlowAction } from './actions';
import type { FlowIpv6Action } from './ipv6-actions';

export type ParsedRedirect =
  | Extract<FlowAction, { kind: 'redirect' | 'redirect-ipv4' }>
  | Extract<FlowIpv6Action, { kind: 'redirect-ipv6' }>
  | { readonly kind: 'next-hop'; readonly address: string };

function uint(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

export function parseRedirect(text: string): ParsedRedirect | string {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { kind: 'next-hop', address: formatIpv4Number(v4) };
  const v6 = parseIpv6(text);
  if (v6) return { kind: 'next-hop', address: formatIpv6(v6) };
  const bracket = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text);
  if (bracket) {
    const number = uint(bracket[2], 0xffff);
    const address = parseIpv6(bracket[1]);
    if (!address) return `"${bracket[1]}" is not an IPv6 address`;
    if (number === undefined) return 'the NUMBER after an IPv6 address must be 0..65535';
    return { kind: 'redirect-ipv6', address: formatIpv6(address), number };
  }
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return 'expected AS:NUMBER, IPv4:NUMBER, [IPv6]:NUMBER or a next-hop address';
  const admin = text.slice(0, colon);
  const number = uint(text.slice(colon + 1), 0xffffffff);
  if (number === undefined) return 'the NUMBER after the colon must be 0..4294967295';
  const address = parseIpv4(admin);
  if (address !== undefined) {
    if (number > 0xffff) return 'the NUMBER after an IPv4 address must be 0..65535 (RFC 8955 §7.4)';
    return { kind: 'redirect-ipv4', address: formatIpv4Number(address), number };
  }
  if (admin.includes(':')) return 'write an IPv6 route target in brackets: [2001:db8::1]:100';
  const as4 = admin.endsWith('L');
  const asn = uint(as4 ? admin.slice(0, -1) : admin, 0xffffffff);
  if (asn === undefined) return 'expected an AS number (0..4294967295) or an IPv4 address before the colon';
  if (as4 || asn > 0xffff) {
    if (number > 0xffff) return 'a 4-octet AS redirect takes a NUMBER of 0..65535 (RFC 8955 §7.4)';
    return { kind: 'redirect', asn, number, as4: true };
  }
  return { kind: 'redirect', asn, number };
}
