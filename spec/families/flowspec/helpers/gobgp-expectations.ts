/**
 * The rules given to gobgpd by spec/interop/flowspec-gobgp-vectors.spec.ts, and what its UPDATEs
 * must read as (shared with the unit suite, which replays the stored UPDATEs).
 */
import {
  encodeFlowNlriRun,
  flowExtendedCommunityText,
  flowIpv6ExtendedCommunityText,
  formatFlowRuleText,
  ipv6ExtendedCommunityAt,
  type FlowAfi,
} from '../../../../lib/families/flowspec';
import { Writer } from '../../../../lib/wire/writer';
import { attributeValues } from './attributes';
import { decodeField, flowFamilyOf, isFlowField, nextHopText } from './flow-json';
import { mpFields } from './mp-attributes';

export interface GobgpRule {
  /** `gobgp global rib -a FAMILY add ARGS...` */
  readonly family: string;
  readonly args: readonly string[];
  /** How the rule reads here (ExaBGP's text), or the reason it is malformed. */
  readonly text: string | RegExp;
  /** The texts of its action communities (extended and IPv6 extended). */
  readonly actions: readonly string[];
}

const words = (line: string): string[] => line.split(' ');

export const GOBGP_RULES: readonly GobgpRule[] = [
  {
    family: 'ipv4-flowspec',
    args: words('match destination 10.0.0.0/24 protocol tcp destination-port >=80 &<=90 tcp-flags =S then rate-limit 1000'),
    text: 'flow destination-ipv4 10.0.0.0/24 protocol =tcp destination-port [ >=80&<=90 ] tcp-flags =syn',
    actions: ['rate-limit:1000'],
  },
  {
    family: 'ipv4-flowspec',
    args: words('match source 10.0.1.0/24 tcp-flags SA packet-length >=100 &<=200 ==1500 then redirect 65000:7 mark 10 action sample-terminal'),
    text: 'flow source-ipv4 10.0.1.0/24 tcp-flags syn+ack packet-length [ >=100&<=200 =1500 ]',
    actions: ['redirect:65000:7', 'mark 10', 'action sample-terminal'],
  },
  {
    family: 'ipv4-flowspec',
    args: words('match destination 10.0.2.0/24 fragment is-fragment !=first-fragment icmp-type ==8 icmp-code ==0 then redirect 192.0.2.1:7'),
    text: 'flow destination-ipv4 10.0.2.0/24 icmp-type =echo-request icmp-code =0 fragment [ is-fragment !=first-fragment ]',
    actions: ['redirect:192.0.2.1:7'],
  },
  {
    // GoBGP's CLI takes a 4-octet AS in asdot: 64086.59904 is 4200000000 (RFC 5396).
    family: 'ipv4-flowspec',
    args: words('match destination 10.0.3.0/24 dscp ==46 port !=0 source-port >1024 then redirect 64086.59904:7'),
    text: 'flow destination-ipv4 10.0.3.0/24 port !=0 source-port >1024 dscp =46',
    actions: ['redirect:4200000000:7'],
  },
  {
    family: 'ipv6-flowspec',
    args: words('match destination 2001:db8::/64 protocol udp destination-port ==53 then discard'),
    text: 'flow destination-ipv6 2001:db8::/64/0 next-header =udp destination-port =53',
    actions: ['rate-limit:0'],
  },
  {
    family: 'ipv6-flowspec',
    args: words('match source 2001:db8:1::/48 label ==7 then redirect 2001:db8::1:100'),
    text: 'flow source-ipv6 2001:db8:1::/48/0 flow-label =7',
    actions: ['redirect:[2001:db8::1]:100'],
  },
  {
    // RFC 8956 §3.1: the 54 bits after the offset (7 octets); GoBGP sends all 8 octets of the /64.
    family: 'ipv6-flowspec',
    args: words('match destination 2001:db8:2::/64 10 then discard'),
    text: /unknown component type 0 for IPv6/,
    actions: ['rate-limit:0'],
  },
  {
    family: 'ipv4-l3vpn-flowspec',
    args: words('rd 100:100 match destination 10.0.4.0/24 then rate-limit 5000'),
    text: 'flow destination-ipv4 10.0.4.0/24 rd 100:100',
    actions: ['rate-limit:5000'],
  },
  {
    family: 'ipv6-l3vpn-flowspec',
    args: words('rd 192.0.2.1:5 match destination 2001:db8:3::/48 then discard'),
    text: 'flow destination-ipv6 2001:db8:3::/48/0 rd 192.0.2.1:5',
    actions: ['rate-limit:0'],
  },
];

/** Every UPDATE read: each rule of GOBGP_RULES is there with its actions, and re-encodes to GoBGP's bytes. */
export function checkGobgpUpdates(updates: readonly Buffer[]): void {
  const seen: Array<{ text: string; actions: string[] }> = [];
  for (const update of updates) {
    const fields = mpFields(update);
    if (!isFlowField(fields.reach)) continue;
    const field = fields.reach;
    const family = flowFamilyOf(field);
    const run = decodeField(fields.buf, field);
    const values = attributeValues(update);
    const actions = [
      ...values.extendedCommunities.map((v) => flowExtendedCommunityText(v) ?? `0x${v.toString(16)}`),
      ...ipv6Communities(update).map((v) => flowIpv6ExtendedCommunityText(v) ?? `0x${v.toString(16)}`),
    ];
    expect(nextHopText(field.nextHop)).toBeUndefined(); // GoBGP sends flow rules without a next hop
    for (const rule of run.rules) seen.push({ text: formatFlowRuleText(rule, field.afi as FlowAfi), actions });
    for (const error of run.errors ?? []) seen.push({ text: error.reason, actions });
    if (!run.errors) {
      const w = new Writer(64);
      encodeFlowNlriRun(w, run.rules, family);
      expect(w.view().toString('hex')).toBe(fields.buf.subarray(field.start, field.end).toString('hex'));
    }
  }
  for (const rule of GOBGP_RULES) {
    const found = seen.find((s) => (typeof rule.text === 'string' ? s.text === rule.text : rule.text.test(s.text)));
    expect({ rule: rule.args.join(' '), found: found?.text }).toEqual({ rule: rule.args.join(' '), found: expect.anything() });
    expect(found!.actions.sort()).toEqual([...rule.actions].sort());
  }
  expect(seen).toHaveLength(GOBGP_RULES.length);
}

/** IPV6_EXTENDED_COMMUNITIES (25, RFC 5701) values of an UPDATE. */
function ipv6Communities(message: Buffer): bigint[] {
  const out: bigint[] = [];
  let at = 19;
  at += 2 + message.readUInt16BE(at);
  const end = at + 2 + message.readUInt16BE(at);
  at += 2;
  while (at < end) {
    const flags = message[at];
    const length = flags & 0x10 ? message.readUInt16BE(at + 2) : message[at + 2];
    const value = at + (flags & 0x10 ? 4 : 3);
    if (message[at + 1] === 25) for (let i = value; i + 20 <= value + length; i += 20) out.push(ipv6ExtendedCommunityAt(message, i));
    at = value + length;
  }
  return out;
}
