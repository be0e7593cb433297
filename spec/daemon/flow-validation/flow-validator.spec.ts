/**
 * FlowSpec validation on receive (RFC 8955 §6, revised by RFC 9117): what a helper or sink is told
 * about rules from a validating neighbor, as unicast routes of every neighbor come and go. Peers
 * hold real Adj-RIBs-In; each UPDATE is stored there first, as the session does, then handed to the
 * validator, whose output is what the daemon publishes.
 */
import { ipv4FlowFamily, ipv4FlowVpnFamily, ipv6FlowFamily } from '../../../lib/families';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { FlowValidator, type PeerEvent } from '../../../lib/daemon/flow-validation/flow-validator';
import type { ValidationPeer } from '../../../lib/daemon/flow-validation/validation-peer';
import type { SessionEvent } from '../../../lib/events/events';
import type { AnyFamily } from '../../../lib/families';
import type { PathAttributes, UpdateMessage } from '../../../lib/wire/types';

const LOCAL_AS = 65000;

interface Peer extends ValidationPeer {
  readonly ribIn: AdjRibIn;
}

function peer(name: string, peerAs: number, peerAddress: string): Peer {
  return { name, ribIn: new AdjRibIn(), settings: { peerAs, localAs: LOCAL_AS }, endpoint: { peerAddress } };
}

/** The canonical text of a rule, as the flow family's decoder makes it. */
function rule(text: string, family: AnyFamily = ipv4FlowFamily): string {
  const parsed = family.parseText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return family.formatText(parsed.value);
}

const SEQ = 2;
const path = (...asns: number[]): PathAttributes => ({ origin: 0, asPath: asns.length ? [{ type: SEQ, asns }] : [] });

function unicast(prefixes: string[], attributes: PathAttributes, nextHop = '10.0.0.1'): UpdateMessage {
  return { type: 'update', withdrawn: [], attributes, announced: [{ afi: 1, safi: 1, nextHop: [nextHop], prefixes }] };
}

function unicastWithdraw(prefixes: string[]): UpdateMessage {
  return { type: 'update', withdrawn: [{ afi: 1, safi: 1, prefixes }], attributes: {}, announced: [] };
}

function flows(texts: string[], attributes: PathAttributes, family: AnyFamily = ipv4FlowFamily): UpdateMessage {
  return { type: 'update', withdrawn: [], attributes, announced: [{ afi: family.afi, safi: family.safi, nextHop: [], prefixes: texts }] };
}

function flowWithdraw(texts: string[]): UpdateMessage {
  return { type: 'update', withdrawn: [{ afi: 1, safi: 133, prefixes: texts }], attributes: {}, announced: [] };
}

/** What consumers are told, one line per route: "A announce <rule>" / "A withdraw <rule>" (unicast included). */
function told(events: PeerEvent<Peer>[]): string[] {
  const out: string[] = [];
  for (const { peer: p, event } of events) {
    if (event.kind !== 'update') continue;
    for (const l of event.message.withdrawn) for (const x of l.prefixes) out.push(`${p.name} withdraw ${x}`);
    for (const l of event.message.announced) for (const x of l.prefixes) out.push(`${p.name} ${event.message.errorAction === 'treat-as-withdraw' ? 'withdraw' : 'announce'} ${x}`);
  }
  return out;
}

function setup() {
  const lines: string[] = [];
  const log = { error: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m), debug: (m: string) => lines.push(m) };
  const v = new FlowValidator<Peer>(log);
  // A and B are eBGP neighbors in different ASes; I is an iBGP neighbor.
  const a = peer('A', 65001, '127.0.0.1');
  const b = peer('B', 65002, '127.0.0.2');
  const i = peer('I', LOCAL_AS, '127.0.0.3');
  v.addPeer(a, true);
  v.addPeer(b, false);
  v.addPeer(i, true);
  /** The session stores the UPDATE, then reports it: what reaches consumers. */
  const send = (p: Peer, message: UpdateMessage, raw?: Buffer): string[] => {
    p.ribIn.apply(message);
    return told(v.handle(p, { kind: 'update', direction: 'receive', message, ...(raw ? { raw } : {}) }));
  };
  const down = (p: Peer): string[] => {
    p.ribIn.clear();
    return told(v.handle(p, { kind: 'down', reason: 'test', sent: false }));
  };
  return { v, a, b, i, send, down, lines };
}

const R24 = rule('flow destination 192.0.2.0/24 protocol [ udp ]');

describe('FlowValidator (RFC 8955 §6, RFC 9117)', () => {
  it('reports a rule whose destination\'s best unicast route came from the same neighbor', () => {
    const { a, send } = setup();
    expect(send(a, unicast(['192.0.2.0/24'], path(65001)))).toEqual(['A announce 192.0.2.0/24']);
    expect(send(a, flows([R24], path(65001)))).toEqual([`A announce ${R24}`]);
  });

  it('rule a: holds a rule without a destination prefix, and says why in the log', () => {
    const { a, send, lines, v } = setup();
    const noDestination = rule('flow source 10.0.0.1/32 protocol [ udp ]');
    expect(send(a, flows([noDestination], path(65001)))).toEqual([]);
    expect(lines.join('\n')).toContain(`A: 1 FlowSpec rule(s) held by validation, not reported: ${noDestination}: no destination prefix (RFC 8955 §6 a)`);
    expect(v.isHeld(a, 1, 133, noDestination)).toBe(true);
    expect(v.heldCount(a)).toBe(1);
  });

  it('rule b: holds a rule from A whose destination\'s unicast route comes from B; reports it once A announces a better route', () => {
    const { a, b, send, lines } = setup();
    send(b, unicast(['192.0.2.0/24'], path(65002)));
    expect(send(a, flows([R24], path(65001)))).toEqual([]);
    expect(lines.join('\n')).toContain(`the best unicast route for 192.0.2.0/24 comes from B (192.0.2.0/24), not from A (RFC 8955 §6 b)`);
    // A's route ties with B's on every attribute; A's lower address wins the last step.
    expect(send(a, unicast(['192.0.2.0/24'], path(65001)))).toEqual(['A announce 192.0.2.0/24', `A announce ${R24}`]);
    expect(lines.join('\n')).toContain(`A: 1 FlowSpec rule(s) now pass validation and are reported: ${R24}`);
  });

  it('rule b: a rule that arrives before any unicast route is held, and reported when its route arrives', () => {
    const { a, send, lines } = setup();
    expect(send(a, flows([R24], path(65001)))).toEqual([]);
    expect(lines.join('\n')).toContain('the best unicast route for 192.0.2.0/24 does not exist, not from A');
    // A covering route is a best match too (the longest prefix covering the destination).
    expect(send(a, unicast(['192.0.0.0/16'], path(65001)))).toEqual(['A announce 192.0.0.0/16', `A announce ${R24}`]);
  });

  it('rule b: the longest covering prefix decides, whoever holds shorter ones', () => {
    const { a, b, send } = setup();
    send(a, unicast(['192.0.0.0/16'], path(65001)));
    send(b, unicast(['192.0.2.0/23'], path(65002)));
    expect(send(a, flows([R24], path(65001)))).toEqual([]);
    // B withdraws the /23: A's /16 is the best match now.
    expect(send(b, unicastWithdraw(['192.0.2.0/23']))).toEqual(['B withdraw 192.0.2.0/23', `A announce ${R24}`]);
  });

  it('ties between neighbors holding the best-match prefix: higher LOCAL_PREF, then shorter AS_PATH, then lower address', () => {
    const { a, b, send } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001, 65010, 65011)));
    send(b, unicast(['192.0.2.0/24'], path(65002)));
    expect(send(a, flows([R24], path(65001)))).toEqual([]); // B's AS_PATH is shorter
    expect(send(a, unicast(['192.0.2.0/24'], { ...path(65001, 65010, 65011), localPref: 200 }))).toEqual(['A announce 192.0.2.0/24', `A announce ${R24}`]);
    expect(send(a, unicast(['192.0.2.0/24'], path(65001, 65010)))).toEqual(['A announce 192.0.2.0/24', `A withdraw ${R24}`]);
    expect(send(a, unicast(['192.0.2.0/24'], path(65001)))).toEqual(['A announce 192.0.2.0/24', `A announce ${R24}`]); // equal: lower address
  });

  it('rule c: a more specific route from another neighboring AS makes the rule infeasible, and its withdrawal feasible again', () => {
    const { a, b, send, lines } = setup();
    const r16 = rule('flow destination 192.0.0.0/16 protocol [ udp ]');
    send(a, unicast(['192.0.0.0/16'], path(65001)));
    expect(send(a, flows([r16], path(65001)))).toEqual([`A announce ${r16}`]);
    expect(send(b, unicast(['192.0.9.0/24'], path(65002)))).toEqual(['B announce 192.0.9.0/24', `A withdraw ${r16}`]);
    expect(lines.join('\n')).toContain('a route more specific than 192.0.0.0/16 comes from AS65002, not the best route\'s AS65001 (RFC 8955 §6 c)');
    expect(send(b, unicastWithdraw(['192.0.9.0/24']))).toEqual(['B withdraw 192.0.9.0/24', `A announce ${r16}`]);
    // A more specific route from the same neighboring AS is fine.
    expect(send(a, unicast(['192.0.9.0/24'], path(65001)))).toEqual(['A announce 192.0.9.0/24']);
  });

  it('rule c: more specific routes already held are found when a destination is first seen (small tables: one pass over them)', () => {
    const { a, b, send } = setup();
    send(a, unicast(['192.0.2.0/24', '10.0.0.0/8'], path(65001)));
    send(b, unicast(['192.0.2.128/25', '10.20.30.0/24'], path(65002)));
    const r8 = rule('flow destination 10.0.0.0/8');
    expect(send(a, flows([R24, r8], path(65001)))).toEqual([]);
    expect(send(b, unicastWithdraw(['192.0.2.128/25', '10.20.30.0/24']))).toEqual(['B withdraw 192.0.2.128/25', 'B withdraw 10.20.30.0/24', `A announce ${R24}`, `A announce ${r8}`]);
  });

  it('rule c: with more routes than prefixes under the destination, those prefixes are looked up instead', () => {
    const { a, b, send } = setup();
    const filler = Array.from({ length: 64 }, (_, k) => `198.18.${k}.0/24`);
    send(b, unicast([...filler, '192.0.2.2/31'], path(65002)));
    send(a, unicast(['192.0.2.0/30'], path(65001)));
    const r30 = rule('flow destination 192.0.2.0/30');
    expect(send(a, flows([r30], path(65001)))).toEqual([]);
    expect(send(b, unicastWithdraw(['192.0.2.2/31']))).toEqual(['B withdraw 192.0.2.2/31', `A announce ${r30}`]);
  });

  it('an iBGP neighbor\'s more specific routes count for the AS they entered from (the first AS of their path)', () => {
    const { a, i, send } = setup();
    const r16 = rule('flow destination 192.0.0.0/16');
    send(a, unicast(['192.0.0.0/16'], path(65001)));
    send(a, flows([r16], path(65001)));
    expect(send(i, unicast(['192.0.1.0/24'], path(65001, 65020)))).toEqual(['I announce 192.0.1.0/24']);
    expect(send(i, unicast(['192.0.2.0/24'], path(65030)))).toEqual(['I announce 192.0.2.0/24', `A withdraw ${r16}`]);
  });

  it('becomes infeasible when its unicast route is withdrawn, or when the neighbor holding it goes down', () => {
    const { a, b, send, down } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    send(a, flows([R24], path(65001)));
    expect(send(a, unicastWithdraw(['192.0.2.0/24']))).toEqual(['A withdraw 192.0.2.0/24', `A withdraw ${R24}`]);
    expect(send(a, unicast(['192.0.2.0/24'], path(65001)))).toEqual(['A announce 192.0.2.0/24', `A announce ${R24}`]);
    // B's better route takes over, then B's session goes down: A's route is the best again.
    expect(send(b, unicast(['192.0.2.0/24'], { ...path(65002), localPref: 300 }))).toEqual(['B announce 192.0.2.0/24', `A withdraw ${R24}`]);
    expect(down(b)).toEqual([`A announce ${R24}`]);
  });

  it('`clear adj-rib in` of the neighbor holding the better route makes the rule feasible again', () => {
    const { v, a, b, send } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    send(b, unicast(['192.0.2.0/24'], { ...path(65002), localPref: 300 }));
    expect(send(a, flows([R24], path(65001)))).toEqual([]);
    b.ribIn.clear();
    expect(told(v.cleared(b))).toEqual([`A announce ${R24}`]);
  });

  it('a held rule\'s withdrawal is not reported (it never was announced); a feasible one\'s is', () => {
    const { a, b, send } = setup();
    const other = rule('flow destination 198.51.100.0/24');
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    send(b, unicast(['198.51.100.0/24'], path(65002)));
    expect(send(a, flows([R24, other], path(65001)))).toEqual([`A announce ${R24}`]);
    expect(send(a, flowWithdraw([R24, other]))).toEqual([`A withdraw ${R24}`]);
    // Forgotten: a route for it later reports nothing.
    expect(send(a, unicast(['198.51.100.0/24'], { ...path(65001), localPref: 500 }))).toEqual(['A announce 198.51.100.0/24']);
  });

  it('a rule announced again with an AS_PATH that fails is reported withdrawn', () => {
    const { a, send, lines } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    expect(send(a, flows([R24], path(65001)))).toEqual([`A announce ${R24}`]);
    expect(send(a, flows([R24], path(65099)))).toEqual([`A withdraw ${R24}`]);
    expect(lines.join('\n')).toContain("AS_PATH starts with AS65099, not the eBGP neighbor's AS65001 (RFC 9117 §4.2)");
  });

  it('RFC 9117 §4.2: an eBGP rule with an empty AS_PATH is held', () => {
    const { a, send } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    expect(send(a, flows([R24], path()))).toEqual([]);
  });

  it('RFC 9117 §4.1 b.2: an iBGP rule with an empty AS_PATH needs no unicast route from the same neighbor (a controller in the AS)', () => {
    const { b, i, send } = setup();
    send(b, unicast(['192.0.2.0/24'], path(65002)));
    expect(send(i, flows([R24], path()))).toEqual([`I announce ${R24}`]);
    // Rule c still applies.
    expect(send(b, unicast(['192.0.2.0/25'], path(65002)))).toEqual(['B announce 192.0.2.0/25']);
    expect(send(i, unicast(['192.0.2.128/25'], path(65040)))).toEqual(['I announce 192.0.2.128/25', `I withdraw ${R24}`]);
  });

  it('a neighbor without validation has its rules reported as they come; its unicast routes still count for others', () => {
    const { a, b, send } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    expect(send(b, flows([R24], path(65002)))).toEqual([`B announce ${R24}`]);
  });

  it('without any validating neighbor, events pass untouched (the same objects)', () => {
    const v = new FlowValidator<Peer>({ error() {}, warn() {}, info() {}, debug() {} });
    const a = peer('A', 65001, '127.0.0.1');
    v.addPeer(a, false);
    const event: SessionEvent = { kind: 'update', direction: 'receive', message: flows([R24], path(65001)) };
    a.ribIn.apply(event.message);
    const out = v.handle(a, event);
    expect(out).toHaveLength(1);
    expect(out[0].event).toBe(event);
  });

  it('a changed message keeps the wire copy for wire sinks (MRT) as a wire-update, and the rest is reported as imported', () => {
    const { v, a } = setup();
    const message = flows([R24], path(65001));
    a.ribIn.apply(message);
    const raw = Buffer.from('ffff', 'hex');
    const out = v.handle(a, { kind: 'update', direction: 'receive', message, raw });
    expect(out.map((e) => e.event.kind)).toEqual(['wire-update']);
    expect(out[0].event).toMatchObject({ kind: 'wire-update', message, raw });
  });

  it('flow-vpn rules (SAFI 134) are not validated: they are reported as they come', () => {
    const { a, send } = setup();
    const vpn = rule('flow rd 65000:1 destination 192.0.2.0/24', ipv4FlowVpnFamily);
    expect(send(a, flows([vpn], path(65001), ipv4FlowVpnFamily))).toEqual([`A announce ${vpn}`]);
  });

  it('IPv6 rules are checked against IPv6 unicast routes; a destination with an offset names no prefix (rule a)', () => {
    const { a, send } = setup();
    const r6 = rule('flow destination-ipv6 2001:db8::/64', ipv6FlowFamily);
    const offset = rule('flow destination-ipv6 2001:db8::/64/8', ipv6FlowFamily);
    expect(send(a, flows([r6, offset], path(65001), ipv6FlowFamily))).toEqual([]);
    const v6: UpdateMessage = { type: 'update', withdrawn: [], attributes: path(65001), announced: [{ afi: 2, safi: 1, nextHop: ['2001:db8::1'], prefixes: ['2001:db8::/32'] }] };
    expect(send(a, v6)).toEqual(['A announce 2001:db8::/32', `A announce ${r6}`]);
  });

  it('turning validation off reports the rules held; turning it on withdraws those that fail', () => {
    const { v, a, b, send } = setup();
    send(b, unicast(['192.0.2.0/24'], path(65002)));
    send(a, flows([R24], path(65001)));
    expect(v.isHeld(a, 1, 133, R24)).toBe(true);
    expect(told(v.setValidate(a, false))).toEqual([`A announce ${R24}`]);
    expect(v.isHeld(a, 1, 133, R24)).toBe(false);
    expect(told(v.setValidate(a, true))).toEqual([`A withdraw ${R24}`]);
  });

  it('a neighbor removed (reload) takes its routes with it: rules depending on them are decided again', () => {
    const { v, a, b, send } = setup();
    send(a, unicast(['192.0.2.0/24'], path(65001)));
    send(a, flows([R24], path(65001)));
    send(b, unicast(['192.0.2.0/25'], path(65002)));
    expect(v.isHeld(a, 1, 133, R24)).toBe(true);
    expect(told(v.removePeer(b))).toEqual([`A announce ${R24}`]);
  });
  it('route reflectors: a rule and its unicast route reflected from one client through two reflectors pass rule b (same ORIGINATOR_ID, RFC 4456); two clients behind one reflector do not', () => {
    const { v, send, lines } = setup();
    const rr1 = peer('RR1', LOCAL_AS, '127.0.0.11');
    const rr2 = peer('RR2', LOCAL_AS, '127.0.0.12');
    v.addPeer(rr1, true);
    v.addPeer(rr2, true);
    const reflected = (originatorId: string, ...asns: number[]): PathAttributes => ({ ...path(...asns), originatorId, localPref: 100 });
    // The client 192.0.2.9's unicast route reaches us through RR2 only; its rule through RR1.
    send(rr2, unicast(['192.0.2.0/24'], reflected('192.0.2.9', 65010)));
    expect(send(rr1, flows([R24], reflected('192.0.2.9', 65010)))).toEqual([`RR1 announce ${R24}`]);
    // Another client's rule (192.0.2.7) through the same reflector as the route: not the route's originator.
    const R25 = rule('flow destination 192.0.2.0/25 protocol [ udp ]');
    expect(send(rr2, flows([R25], reflected('192.0.2.7', 65010)))).toEqual([]);
    expect(lines.join('\n')).toContain('comes from RR2 (originator 192.0.2.9) (192.0.2.0/24), not from RR2 (originator 192.0.2.7) (RFC 8955 §6 b)');
  });
});
