/**
 * Route commands of families with their own grammar (FlowSpec): both ExaBGP spellings, the
 * family from the rule, actions as attributes, and the whole command → UPDATE path checked
 * against the UPDATEs ExaBGP itself sent for its qa commands (data: spec/fixtures/flowspec).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { Command, RouteSpec } from '../../../lib/api/commands/types';
import { encodeRouteCommand } from '../../../lib/cli/commands/encode-updates';
import { FAMILY_REGISTRY } from '../../../lib/families';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage } from '../../../lib/wire/message';
import type { UpdateMessage } from '../../../lib/wire/types';

const CTX = familyContext({ asn4: true, extendedMessage: false, addPath: new Set() });

function command(line: string): Command {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.command;
}

function routesOf(line: string): readonly RouteSpec[] {
  const c = command(line);
  if (c.kind !== 'announce-route' && c.kind !== 'withdraw-route') throw new Error(`not a route command: ${c.kind}`);
  return c.routes;
}

function update(message: Buffer): UpdateMessage {
  const m = decodeMessage(message, CTX);
  if (m.type !== 'update') throw new Error(`not an UPDATE: ${m.type}`);
  return m;
}

describe('announce flow route (ExaBGP grammar)', () => {
  it('reads the block form of the issue into one ipv4 flow route with its rate-limit action', () => {
    const [route] = routesOf(
      'announce flow route { match { source 10.0.0.1/32; destination 192.0.2.0/24; protocol [ tcp udp ]; destination-port [ =80 >=8080&<=8088 ]; tcp-flags [ syn ]; packet-length >200&<300; fragment [ is-fragment ]; } then { rate-limit 9600; } }',
    );
    expect(route).toMatchObject({ afi: 1, safi: 133, nextHop: '' });
    expect(route.prefix).toBe(
      'flow destination-ipv4 192.0.2.0/24 source-ipv4 10.0.0.1/32 protocol [ =tcp =udp ] destination-port [ =80 >=8080&<=8088 ] tcp-flags syn packet-length [ >200&<300 ] fragment is-fragment',
    );
    // traffic-rate 0x8006, AS 0, 9600 bytes/s as an IEEE float (RFC 8955 §7.1).
    expect(route.attributes.extendedCommunities).toEqual([0x8006000046160000n]);
    expect(route.attributes.origin).toBe(0);
  });

  it('reads the one-line form with every list item and the action', () => {
    const [route] = routesOf(
      'announce flow route source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ] rate-limit 1024',
    );
    expect(route.prefix).toBe(
      'flow destination-ipv4 127.0.0.0/24 source-ipv4 4.0.0.0/24 protocol =udp destination-port =80 source-port =53 packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ]',
    );
    expect(route.attributes.extendedCommunities).toEqual([0x8006000044800000n]);
  });

  it('takes its family from the rule: an IPv6 destination makes an ipv6 flow route', () => {
    const [route] = routesOf('announce flow route destination 2001:db8::/48 next-header udp discard');
    expect(route).toMatchObject({ afi: 2, safi: 133, prefix: 'flow destination-ipv6 2001:db8::/48/0 next-header =udp' });
  });

  it('reads the family-named form, with or without "route"', () => {
    expect(routesOf('announce ipv6 flow destination-ipv6 2001:db8::/48 discard')[0]).toMatchObject({ afi: 2, safi: 133 });
    expect(routesOf('announce ipv4 flow route destination 10.0.0.0/24 discard')[0]).toMatchObject({ afi: 1, safi: 133 });
  });

  it('keeps neighbor selectors, and a withdraw carries no attributes', () => {
    const c = command('neighbor 127.0.0.2 withdraw flow route destination 10.0.0.0/24 discard');
    expect(c).toMatchObject({ kind: 'withdraw-route', selectors: [{ address: '127.0.0.2' }], routes: [{ prefix: 'flow destination-ipv4 10.0.0.0/24', attributes: {} }] });
  });

  it('puts an IPv6 redirect in IPv6 address specific extended communities (RFC 5701, attribute 25)', () => {
    const [route] = routesOf('announce ipv6 flow destination-ipv6 2001:db8::/48 redirect [2001:db8::1]:100');
    expect(route.attributes.unknown).toEqual([{ flags: 0xc0, type: 25, value: expect.any(Buffer) }]);
    expect(route.attributes.unknown![0].value).toHaveLength(20);
  });

  it('names the bad word and its column in the whole line', () => {
    const parsed = parseCommand('announce flow route destination 10.0.0.0/24 rate-limit fast');
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('(column 56)') });
  });
});

interface CommandVector {
  readonly name: string;
  readonly command: string;
  readonly hex: string;
}

const VECTORS: CommandVector[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'exabgp-qa-commands.json'), 'utf8'));

/** Where rxbgp differs from ExaBGP on purpose (docs/exabgp-differences.md); those are tested in spec/families/flowspec. */
const DIFFERENT = new Set(['encoding/conf-flow-redirect.ci:14', 'encoding/conf-flow.ci:36']);

/** What a comparison should see of an UPDATE: NLRI, next hops and attributes, in a stable order. */
function essence(u: UpdateMessage): unknown {
  // ExaBGP puts ORIGIN, AS_PATH and LOCAL_PREF in an UPDATE that only withdraws; RFC 4760 §4 needs none.
  if (u.announced.length === 0) return { withdrawn: u.withdrawn.map((l) => ({ afi: l.afi, safi: l.safi, prefixes: l.prefixes })) };
  const { unknown, extendedCommunities, communities, ...rest } = u.attributes;
  const sorted = <T>(xs: readonly T[] | undefined) => [...(xs ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    announced: u.announced.map((l) => ({ afi: l.afi, safi: l.safi, prefixes: l.prefixes, nextHop: l.nextHop })),
    withdrawn: u.withdrawn.map((l) => ({ afi: l.afi, safi: l.safi, prefixes: l.prefixes })),
    attributes: { ...rest, extendedCommunities: sorted(extendedCommunities), communities: sorted(communities), unknown: (unknown ?? []).map((a) => `${a.type}:${a.value.toString('hex')}`) },
  };
}

/** The vectors of families rxbgp carries (the flow-vpn ones once its SAFI 134 family is registered). */
const CARRIED = VECTORS.filter((v) => !DIFFERENT.has(v.name) && parseCommand(v.command).ok && routesOf(v.command).every((r) => FAMILY_REGISTRY.get(r.afi, r.safi)));

it('runs most of ExaBGP\'s qa flow commands', () => expect(CARRIED.length).toBeGreaterThanOrEqual(30));

describe.each(CARRIED.map((v) => [v.name, v] as const))('ExaBGP qa command %s', (_name, vector) => {
  it('through parseCommand and the daemon send path (iBGP, as ExaBGP sent it) gives the same UPDATE', async () => {
    const sent = await encodeRouteCommand(command(vector.command), { asn4: true, localAs: 65000, peerAs: 65000 });
    expect(sent).toHaveLength(1);
    expect(essence(update(sent[0]))).toEqual(essence(update(Buffer.from(vector.hex, 'hex'))));
  });
});

describe('the fast path for `announce|withdraw flow route` lines', () => {
  const lines = [
    ...VECTORS.map((v) => v.command.replace(/^(announce|withdraw) (ipv4|ipv6) (flow|flow-vpn) /, '$1 flow route ')),
    'announce flow route { match { destination 10.0.0.0/24; } then { discard; } }',
    'withdraw flow route destination 10.0.0.0/24 discard',
    'announce flow route destination 10.0.0.0/24 rate-limit fast',
    'announce flow route',
  ];

  it.each(lines)('%s reads as the tokenizing path reads it (a leading space takes that path)', (line) => {
    const fast = parseCommand(line);
    const slow = parseCommand(` ${line}`);
    if (slow.ok) expect(fast).toEqual(slow);
    else expect(fast).toEqual({ ok: false, error: slow.error.replace(/column (\d+)/g, (_m, c: string) => `column ${Number(c) - 1}`) });
  });
});

describe('attributes of flow routes', () => {
  it('are one shared object per action set (the Adj-RIB-Out then finds their set without a key)', () => {
    const [a] = routesOf('announce flow route destination 10.0.0.1/32 protocol udp discard');
    const [b] = routesOf('announce flow route { match { destination 10.0.0.2/32; } then { discard; } }');
    const [c] = routesOf('announce flow route destination 10.0.0.3/32 rate-limit 9600');
    expect(a.attributes).toBe(b.attributes);
    expect(c.attributes).not.toBe(a.attributes);
    expect(a.attributes).toEqual({ origin: 0, asPath: [], extendedCommunities: [0x8006000000000000n] });
  });
});
