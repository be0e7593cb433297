/**
 * The JSON-config form of a flow route (issue 12: per neighbor `flows: [{ match, then, rd? }]`):
 * every key reads as the ExaBGP statement it is named after, errors name the key or array item
 * they come from, and a route written back with encodeFlowConfig reads as the same route.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import {
  decodeFlowConfig,
  encodeFlowConfig,
  flowActionCommunity,
  flowIpv6ActionCommunity,
  MATCH_CONFIG_KEYS,
  parseFlowRoute,
  THEN_CONFIG_KEYS,
  type FlowAction,
  type FlowAfi,
  type FlowConfigSource,
  type FlowRouteOptions,
  type ParsedFlowRoute,
} from '../../../lib/families/flowspec';
import { samples as ipv4Samples } from '../ipv4-flow/samples';
import { samples as ipv6Samples } from '../ipv6-flow/samples';
import { attributeValues } from './helpers/attributes';
import { flowRule } from './helpers/arbitraries';
import { decodeField, flowFamilyOf, isFlowField } from './helpers/flow-json';
import { mpFields } from './helpers/mp-attributes';

function fromConfig(config: unknown): ParsedFlowRoute {
  const result = decodeFlowConfig(config);
  if (!result.ok) throw new Error(`${result.path}: ${result.error}`);
  return result.route;
}

function fromText(text: string, options: FlowRouteOptions = {}): ParsedFlowRoute {
  const result = parseFlowRoute(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.route;
}

function failure(config: unknown): { path: string; error: string } {
  const result = decodeFlowConfig(config);
  if (result.ok) throw new Error(`decoded: ${JSON.stringify(encodeFlowConfig(result.route))}`);
  return { path: result.path, error: result.error };
}

/** The route through the config form and back, as a config file would carry it (JSON text). */
function viaConfig(route: FlowConfigSource): ParsedFlowRoute {
  return fromConfig(JSON.parse(JSON.stringify(encodeFlowConfig(route))));
}

const sorted = <T>(values: readonly T[] | undefined): T[] => [...(values ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Same family, rule and next hop, and the same values in each community list. */
function expectSameRoute(actual: ParsedFlowRoute, expected: FlowConfigSource): void {
  expect(actual.family).toEqual(expected.family);
  expect(actual.rule).toEqual(expected.rule);
  expect(actual.actions.nextHop).toBe(expected.actions.nextHop);
  expect(sorted(actual.actions.extendedCommunities)).toEqual(sorted(expected.actions.extendedCommunities));
  expect(sorted(actual.actions.ipv6ExtendedCommunities)).toEqual(sorted(expected.actions.ipv6ExtendedCommunities));
  expect(sorted(actual.actions.communities)).toEqual(sorted(expected.actions.communities));
  expect(sorted(actual.actions.largeCommunities?.map((c) => c.join(':')))).toEqual(sorted(expected.actions.largeCommunities?.map((c) => c.join(':'))));
}

describe('decodeFlowConfig: the issue\'s two rules', () => {
  it('reads the block-form rule as its text does', () => {
    const text = fromText(
      '{ match { source 10.0.0.1/32; destination 192.0.2.0/24; protocol [ tcp udp ]; destination-port [ =80 >=8080&<=8088 ]; ' +
        'tcp-flags [ syn ]; packet-length >200&<300; fragment [ is-fragment ]; } then { rate-limit 9600; } }',
    );
    const config = fromConfig({
      match: {
        source: '10.0.0.1/32',
        destination: '192.0.2.0/24',
        protocol: ['tcp', 'udp'],
        destinationPort: ['=80', '>=8080&<=8088'],
        tcpFlags: ['syn'],
        packetLength: '>200&<300',
        fragment: ['is-fragment'],
      },
      then: { rateLimit: 9600 },
    });
    expect(config).toEqual(text);
    expect(config.rule.components.map((c) => c.type)).toEqual([1, 2, 3, 5, 9, 10, 12]);
  });

  it('reads the one-line rule as its text does', () => {
    const text = fromText(
      'source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] ' +
        'fragment [ is-fragment dont-fragment ] rate-limit 1024',
    );
    const config = fromConfig({
      match: {
        source: '4.0.0.0/24',
        destination: '127.0.0.0/24',
        protocol: 'udp',
        sourcePort: '=53',
        destinationPort: 80,
        packetLength: ['=777', 1122],
        fragment: ['is-fragment', 'dont-fragment'],
      },
      then: { rateLimit: 1024 },
    });
    expect(config).toEqual(text);
  });
});

describe('decodeFlowConfig: every match key is its ExaBGP keyword', () => {
  // [key, value, the same statement in ExaBGP's text]
  const cases: Array<[string, unknown, string]> = [
    ['destination', '192.0.2.0/24', 'destination 192.0.2.0/24'],
    ['destination', '2001:db8::/64/32', 'destination-ipv6 2001:db8::/64 offset 32'],
    ['destinationIpv4', '192.0.2.0/24', 'destination-ipv4 192.0.2.0/24'],
    ['destinationIpv6', '2001:db8::/32', 'destination-ipv6 2001:db8::/32'],
    ['source', '10.0.0.1', 'source 10.0.0.1/32'],
    ['sourceIpv4', '10.0.0.0/8', 'source-ipv4 10.0.0.0/8'],
    ['sourceIpv6', '::1/128/120', 'source-ipv6 ::1/128/120'],
    ['protocol', ['tcp', 'udp'], 'protocol [ =tcp =udp ]'],
    ['protocol', 6, 'protocol =6'],
    ['nextHeader', 'udp', 'next-header udp'],
    ['port', ['=80', '=8080'], 'port [ =80 =8080 ]'],
    ['destinationPort', ['=80', '>=8080&<=8088'], 'destination-port [ =80 >=8080&<=8088 ]'],
    ['destinationPort', 443, 'destination-port =443'],
    ['sourcePort', '>1024', 'source-port >1024'],
    ['sourcePort', ['!=80', '!=8080'], 'source-port [ !=80 !=8080 ]'],
    ['icmpType', ['echo-request', 0], 'icmp-type [ =echo-request =echo-reply ]'],
    ['icmpCode', ['=1', '=0'], 'icmp-code [ 1 0 ]'],
    ['tcpFlags', ['syn', 'rst&fin&!=push'], 'tcp-flags [ syn rst&fin&!=push ]'],
    ['tcpFlags', 0x12, 'tcp-flags syn+ack'],
    ['packetLength', ['>200&<300', '>400&<500'], 'packet-length [ >200&<300 >400&<500 ]'],
    ['dscp', [10, '=20'], 'dscp [ =10 =20 ]'],
    ['trafficClass', '=101', 'traffic-class =101'],
    ['fragment', ['first-fragment', '!is-fragment'], 'fragment [ first-fragment !is-fragment ]'],
    ['flowLabel', 2013, 'flow-label =2013'],
  ];

  it.each(cases)('%s: %j', (key, value, text) => {
    expect(fromConfig({ match: { [key]: value } })).toEqual(fromText(text));
  });

  it('covers every match key', () => {
    expect(new Set(cases.map(([key]) => key))).toEqual(new Set(MATCH_CONFIG_KEYS.map((k) => k.key)));
  });

  it('makes the rule IPv6 for an IPv6 prefix or an IPv6-only key, and IPv4 otherwise', () => {
    expect(fromConfig({ match: { destinationPort: 80 } }).family).toEqual({ afi: 1, safi: 133 });
    expect(fromConfig({ match: { nextHeader: 'tcp' } }).family).toEqual({ afi: 2, safi: 133 });
    expect(fromConfig({ match: { source: '2001:db8::/32' } }).family).toEqual({ afi: 2, safi: 133 });
    expect(fromConfig({ family: 'ipv6 flow', match: { destinationPort: 80 } }).family).toEqual({ afi: 2, safi: 133 });
  });

  it('reads rd as a flow-vpn rule (RFC 8955 §8)', () => {
    const route = fromConfig({ rd: '65000:1', match: { destination: '10.0.0.0/8' } });
    expect(route).toEqual(fromText('destination 10.0.0.0/8 rd 65000:1'));
    expect(route.family).toEqual({ afi: 1, safi: 134 });
    expect(fromConfig({ family: 'ipv6 flow-vpn', rd: '192.0.2.1:5', match: { port: 1 } }).family).toEqual({ afi: 2, safi: 134 });
  });

  it('orders the statements by key, not by the order of the JSON object', () => {
    const a = fromConfig({ match: { protocol: 'tcp', nextHeader: 'udp' }, then: { mark: 1, rateLimit: 5, redirect: '65000:1' } });
    const b = fromConfig({ then: { redirect: '65000:1', rateLimit: 5, mark: 1 }, match: { nextHeader: 'udp', protocol: 'tcp' } });
    expect(b).toEqual(a);
  });
});

describe('decodeFlowConfig: every action is its ExaBGP keyword', () => {
  const MATCH = { destination: '192.0.2.0/24' };
  // [key, value, the same statement in ExaBGP's text]
  const cases: Array<[string, unknown, string]> = [
    ['accept', true, 'accept'],
    ['discard', true, 'discard'],
    ['rateLimit', 9600, 'rate-limit 9600'],
    ['rateLimit', '1000000000000', 'rate-limit 1000000000000'],
    ['rateLimitPackets', 1000, 'rate-limit 1000 packets'],
    ['redirect', '65000:100', 'redirect 65000:100'],
    ['redirect', '4200000000:100', 'redirect 4200000000:100'],
    ['redirect', '65000L:100', 'redirect 65000L:100'],
    ['redirect', '192.0.2.1:100', 'redirect 192.0.2.1:100'],
    ['redirect', '[2001:db8::1]:100', 'redirect [2001:db8::1]:100'],
    ['redirect', '192.0.2.1', 'redirect 192.0.2.1'],
    ['redirect', ['65000:1', '65000:2'], 'redirect 65000:1 redirect 65000:2'],
    ['redirectToNextHop', true, 'redirect-to-nexthop'],
    ['redirectToNextHopIetf', '1.2.3.4', 'redirect-to-nexthop-ietf 1.2.3.4'],
    ['redirectToNextHopIetf', '2001:db8::2', 'redirect-to-nexthop-ietf 2001:db8::2'],
    ['copy', '192.0.2.9', 'copy 192.0.2.9'],
    ['mark', 46, 'mark 46'],
    ['action', 'sample', 'action sample'],
    ['action', 'terminal', 'action terminal'],
    ['action', ['sample-terminal'], 'action sample-terminal'],
    ['interfaceSet', ['transitive:output:254:254', 'non-transitive:input:3405770241:1'], 'interface-set [ transitive:output:254:254 non-transitive:input:3405770241:1 ]'],
    ['communities', ['65000:1', 'no-export', 4259905793], 'community [ 65000:1 no-export 4259905793 ]'],
    ['community', ['65000:1'], 'community [ 65000:1 ]'],
    ['extendedCommunities', ['target:65000:1', 'origin:192.0.2.1:7', 'rate-limit:1000:packets', '0x0102030405060708'], 'extended-community [ target:65000:1 origin:192.0.2.1:7 rate-limit:1000:packets 0x0102030405060708 ]'],
    ['largeCommunities', ['65000:1:2'], 'large-community [ 65000:1:2 ]'],
  ];

  it.each(cases)('%s: %j', (key, value, text) => {
    expect(fromConfig({ match: MATCH, then: { [key]: value } })).toEqual(fromText(`destination 192.0.2.0/24 ${text}`));
  });

  it('covers every then key', () => {
    expect(new Set(cases.map(([key]) => key))).toEqual(new Set(THEN_CONFIG_KEYS.map((k) => k.key)));
  });

  it('reads nextHop as the rule\'s next hop', () => {
    const route = fromConfig({ nextHop: '192.0.2.1', match: MATCH, then: { redirectToNextHop: true } });
    expect(route).toEqual(fromText('destination 192.0.2.0/24 next-hop 192.0.2.1 redirect-to-nexthop'));
    expect(route.actions.nextHop).toBe('192.0.2.1');
  });

  it('keeps every action, as the text does (ExaBGP 4.2 keeps only the first on one line)', () => {
    const route = fromConfig({ match: MATCH, then: { action: 'sample', mark: 0, rateLimit: 10 } });
    expect(route.actions.extendedCommunities).toEqual([
      flowActionCommunity({ kind: 'rate-limit', asn: 0, bytesPerSecond: 10 }),
      flowActionCommunity({ kind: 'mark', dscp: 0 }),
      flowActionCommunity({ kind: 'action', sample: true, terminal: false }),
    ]);
  });
});

describe('decodeFlowConfig: errors name the path and say what was wrong', () => {
  const M = { destination: '192.0.2.0/24' };
  // [what, config, path, error]
  const cases: Array<[string, unknown, string, string | RegExp]> = [
    ['not an object', ['match'], '', 'expected a flow route (a JSON object like { "match": { ... }, "then": { ... } }), got an array'],
    ['unknown route key', { match: M, thne: {} }, 'thne', /^unknown key "thne" \(did you mean "then"\?\); allowed keys here: family, rd, nextHop, match, then$/],
    ['missing match', { then: { discard: true } }, 'match', /^missing required key, expected an object of match keys/],
    ['match not an object', { match: 'destination 10.0.0.0/8' }, 'match', /^expected an object of match keys .*, got "destination 10.0.0.0\/8"$/],
    ['empty match', { match: {}, then: { discard: true } }, 'match', /^a flow route needs at least one match/],
    ['then not an object', { match: M, then: 'discard' }, 'then', /^expected an object of actions .*, got "discard"$/],
    ['unknown match key', { match: { destinationport: 80 } }, 'match.destinationport', /^unknown key "destinationport" \(did you mean "destinationPort"\?\)/],
    ['ExaBGP spelling as a key', { match: { 'tcp-flags': 'syn' } }, 'match["tcp-flags"]', /^unknown key "tcp-flags" \(did you mean "tcpFlags"\?\)/],
    ['an abbreviated key', { match: { dstPort: 80 } }, 'match.dstPort', /^unknown key "dstPort" \(did you mean "destinationPort"\?\)/],
    ['another abbreviated key', { match: { proto: 'tcp' } }, 'match.proto', /^unknown key "proto" \(did you mean "protocol"\?\)/],
    ['a key like none', { match: { zzz: 1 } }, 'match.zzz', /^unknown key "zzz"; allowed keys here: destination, /],
    ['unknown then key', { match: M, then: { rateLimt: 1 } }, 'then.rateLimt', /^unknown key "rateLimt" \(did you mean "rateLimit"\?\)/],
    ['community, misspelt', { match: M, then: { comunity: ['65000:1'] } }, 'then.comunity', /^unknown key "comunity" \(did you mean "community"\?\)/],
    ['bad item in a list', { match: { destinationPort: ['=80', '>=70000'] } }, 'match.destinationPort[1]', '70000 is above 65535, got ">=70000"'],
    ['bad single value', { match: { protocol: 'tcpp' } }, 'match.protocol', /^expected a number 0\.\.255 or a name \(icmp, igmp, tcp, .*\), got "tcpp"$/],
    ['bad bitmask', { match: { tcpFlags: ['syn', 'sin'] } }, 'match.tcpFlags[1]', /^"sin" is not one of the TCP flags/],
    ['dscp above 63', { match: { dscp: 64 } }, 'match.dscp', '64 is above 63'],
    ['a number that is not whole', { match: { destinationPort: 80.5 } }, 'match.destinationPort', 'expected a number 0..65535, got "80.5"'],
    ['a list in one string', { match: { destinationPort: '=80 =8080' } }, 'match.destinationPort', 'expected one value, got "=80 =8080" (give several values as a JSON array)'],
    ['a statement smuggled into a value', { match: { destination: '10.0.0.0/8;' } }, 'match.destination', 'a value cannot hold ";", got "10.0.0.0/8;"'],
    ['an empty list', { match: { protocol: [] } }, 'match.protocol', 'expected at least one value (leave "protocol" out for none), got an empty array'],
    ['an empty string', { match: { protocol: '' } }, 'match.protocol', 'expected a value, got ""'],
    ['a boolean item', { match: { protocol: [true] } }, 'match.protocol[0]', 'expected a string or a number, got true'],
    ['null', { match: { protocol: null } }, 'match.protocol', 'expected a string or a number, got null'],
    ['two prefixes', { match: { destination: ['10.0.0.0/8', '11.0.0.0/8'] } }, 'match.destination', /^expected one prefix string like "10\.0\.0\.0\/24" \(a rule has one destination prefix\), got an array$/],
    ['a prefix as a number', { match: { source: 10 } }, 'match.source', 'expected a prefix string like "10.0.0.0/24" or "2001:db8::/64/32", got 10'],
    ['host bits', { match: { destination: '10.0.0.1/24' } }, 'match.destination', '"10.0.0.1/24" has host bits set (did you mean 10.0.0.0/24?)'],
    ['an IPv4 offset', { match: { destination: '10.0.0.0/8/4' } }, 'match.destination', /^an IPv4 prefix has no offset/],
    ['IPv6 destination, IPv4 source', { match: { destination: '2001:db8::/32', source: '10.0.0.0/8' } }, 'match.source', 'an IPv4 prefix in an IPv6 rule ("2001:db8::/32" made it IPv6), got "10.0.0.0/8"'],
    ['flowLabel in an IPv4 rule', { match: { destination: '10.0.0.0/8', flowLabel: 1 } }, 'match.flowLabel', 'flowLabel (IPv6 only) in an IPv4 rule ("10.0.0.0/8" made it IPv4)'],
    ['IPv4 prefix, IPv6 family', { family: 'ipv6 flow', match: { destination: '10.0.0.0/8' } }, 'match.destination', 'an IPv4 prefix in an IPv6 rule (family is "ipv6 flow"), got "10.0.0.0/8"'],
    ['unknown family', { family: 'ipv6 flowspec', match: M }, 'family', /^expected one of "ipv4 flow", "ipv6 flow", "ipv4 flow-vpn", "ipv6 flow-vpn", got "ipv6 flowspec" \(did you mean "ipv6 flow"\?\)$/],
    ['flow-vpn without rd', { family: 'ipv4 flow-vpn', match: M }, 'rd', 'missing required key: family "ipv4 flow-vpn" needs an rd (ADMIN:NUMBER, RFC 8955 §8)'],
    ['rd in a flow rule', { family: 'ipv4 flow', rd: '65000:1', match: M }, 'rd', 'an rd makes the rule flow-vpn (RFC 8955 §8), but family is "ipv4 flow"'],
    ['bad rd', { rd: '65000', match: M }, 'rd', /^expected a route distinguisher ADMIN:NUMBER .*, got "65000"$/],
    ['bad nextHop', { nextHop: 'router1', match: M }, 'nextHop', 'nextHop must be an IPv4/IPv6 address or self, got "router1"'],
    ['discard: false', { match: M, then: { discard: false } }, 'then.discard', 'expected true (leave "discard" out for none), got false'],
    ['rate too high', { match: M, then: { rateLimit: 1e13 } }, 'then.rateLimit', 'rateLimit must be a whole number 0..1000000000000, got "10000000000000"'],
    ['negative rate', { match: M, then: { rateLimitPackets: -1 } }, 'then.rateLimitPackets', /^rateLimitPackets must be a whole number .*, got "-1"$/],
    ['mark above 63 in a list', { match: M, then: { mark: [1, 99] } }, 'then.mark[1]', 'mark must be a DSCP value 0..63, got "99"'],
    ['bad action', { match: M, then: { action: 'drop' } }, 'then.action', 'action must be sample, terminal or sample-terminal, got "drop"'],
    ['bad redirect', { match: M, then: { redirect: '65000:1 discard' } }, 'then.redirect', 'expected one value, got "65000:1 discard" (give several values as a JSON array)'],
    ['redirect to an IPv6 target without brackets', { match: M, then: { redirect: '2001:db8::1/100' } }, 'then.redirect', 'the NUMBER after the colon must be 0..4294967295, got "2001:db8::1/100"'],
    ['second next hop', { nextHop: '192.0.2.1', match: M, then: { copy: '192.0.2.2' } }, 'then.copy', 'a second next hop (the rule already has 192.0.2.1), got "192.0.2.2"'],
    ['bad copy address', { match: M, then: { copy: 'x' } }, 'then.copy', 'expected a copy address (IPv4 or IPv6), got "x"'],
    ['bad community', { match: M, then: { communities: ['65000:1', '65000:70000'] } }, 'then.communities[1]', 'expected a community AS:value with each part 0..65535, got "65000:70000"'],
    ['bad extended community', { match: M, then: { extendedCommunities: ['target:x'] } }, 'then.extendedCommunities[0]', 'expected target:ADMIN:NUMBER, got "target:x"'],
    ['bad large community', { match: M, then: { largeCommunities: '1:2' } }, 'then.largeCommunities', 'expected a large community global:local1:local2 with each part 0..4294967295, got "1:2"'],
    ['bad interface-set', { match: M, then: { interfaceSet: ['transitive:up:1:1'] } }, 'then.interfaceSet[0]', /^expected an interface-set .* \(not "up"\), got "transitive:up:1:1"$/],
  ];

  it.each(cases)('%s', (_what, config, path, error) => {
    const got = failure(config);
    expect(got.path).toBe(path);
    if (typeof error === 'string') expect(got.error).toBe(error);
    else expect(got.error).toMatch(error);
  });

  it('never throws on random JSON, and an error always names a path inside the value', () => {
    const word = fc.constantFrom('=80', '10.0.0.0/8', '2001:db8::/32', 'syn', 'tcp', '65000:1', 'sample', '[', ';', '', 'x y', 'true');
    const leaf = fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(word, fc.integer()), { maxLength: 3 }));
    const keys = [...MATCH_CONFIG_KEYS.map((k) => k.key), ...THEN_CONFIG_KEYS.map((k) => k.key), 'match', 'then', 'rd', 'family', 'nextHop', 'x'];
    const object = fc.dictionary(fc.constantFrom(...keys), leaf, { maxKeys: 4 });
    const route = fc.record({ match: fc.oneof(object, leaf), then: fc.oneof(object, leaf) }, { requiredKeys: [] });
    fc.assert(
      fc.property(route, (config) => {
        const result = decodeFlowConfig(config);
        if (!result.ok) {
          expect(result.error).not.toMatch(/internal error|column/);
          const top = result.path.split(/[.[]/)[0];
          expect(['', 'match', 'then', 'rd', 'family', 'nextHop', ...Object.keys(config)]).toContain(top);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encodeFlowConfig', () => {
  it('writes operator strings, family-neutral keys and one key per action', () => {
    const route = fromText(
      'destination-ipv6 2001:db8::/64/16 next-header [ tcp udp ] destination-port [ =80 >=8080&<=8088 ] traffic-class =101 ' +
        'redirect [2001:db8::1]:100 rate-limit 9600 mark 10 community [ 65000:1 ] extended-community [ target:65000:7 ]',
    );
    expect(encodeFlowConfig(route)).toEqual({
      match: {
        destination: '0:db8::/64/16', // RFC 8956 §3.1: the bits before the offset are not matched, so cleared
        protocol: ['=tcp', '=udp'],
        destinationPort: ['=80', '>=8080&<=8088'],
        trafficClass: '=101',
      },
      then: {
        rateLimit: 9600,
        redirect: '[2001:db8::1]:100',
        mark: 10,
        communities: ['65000:1'],
        extendedCommunities: ['target:65000:7'],
      },
    });
  });

  it('names the family only when the rule alone would read as another', () => {
    expect(encodeFlowConfig(fromText('port 80', { afi: 2 }))).toEqual({ family: 'ipv6 flow', match: { port: '=80' } });
    expect(encodeFlowConfig(fromText('port 80 rd 65000:1', { afi: 2, safi: 134 }))).toEqual({ family: 'ipv6 flow-vpn', rd: '65000:1', match: { port: '=80' } });
    expect(encodeFlowConfig(fromText('port 80 flow-label 1'))).toEqual({ match: { port: '=80', flowLabel: '=1' } });
    expect(encodeFlowConfig(fromText('destination 10.0.0.0/8 rd 192.0.2.1:7'))).toEqual({ rd: '192.0.2.1:7', match: { destination: '10.0.0.0/8' } });
  });

  it('writes the next hop of copy and redirect IP in the key that carries it', () => {
    expect(encodeFlowConfig(fromText('destination 10.0.0.0/8 copy 192.0.2.1'))).toEqual({ match: { destination: '10.0.0.0/8' }, then: { copy: '192.0.2.1' } });
    expect(encodeFlowConfig(fromText('destination 10.0.0.0/8 redirect 192.0.2.1'))).toEqual({
      nextHop: '192.0.2.1',
      match: { destination: '10.0.0.0/8' },
      then: { redirectToNextHop: true },
    });
  });

  it('refuses what a config cannot say instead of writing another rule', () => {
    const v4 = { afi: 1, safi: 133 } as const;
    const dscp64: FlowConfigSource = { family: v4, rule: { components: [{ kind: 'numeric', type: 11, ops: [{ and: false, lt: false, gt: false, eq: true, value: 64 }] }] }, actions: {} };
    expect(() => encodeFlowConfig(dscp64)).toThrow('an IPv4 dscp value above 63 cannot be written in the config form (DSCP is 6 bits)');
    // A type 2 RD with a 2-octet AS is written in hex (not "100:7", the type 0 RD's text), which reads back as type 2.
    const rdType2: FlowConfigSource = { family: { afi: 1, safi: 134 }, rule: { rd: { type: 2, admin: 100, assigned: 7 }, components: [{ kind: 'prefix', type: 1, prefix: '10.0.0.0/8', offset: 0 }] }, actions: {} };
    const written = encodeFlowConfig(rdType2);
    expect(written).toMatchObject({ rd: '0x0002000000640007' });
    const back = decodeFlowConfig(written);
    expect(back.ok && back.route.rule.rd).toEqual({ type: 2, admin: 100, assigned: 7 });
    const legacy = flowIpv6ActionCommunity({ kind: 'redirect-ipv6', address: '2001:db8::1', number: 7, legacy: true });
    const legacyRoute: FlowConfigSource = { ...fromText('destination 2001:db8::/32'), actions: { ipv6ExtendedCommunities: [legacy] } };
    expect(() => encodeFlowConfig(legacyRoute)).toThrow(/^the IPv6 extended community 0x800b20010db8.* cannot be written in the config form$/);
  });

  it('writes an RD of a type without an ADMIN:NUMBER form in ExaBGP\'s hex, which reads back (RFC 4364 §4.2)', () => {
    const rdType5: FlowConfigSource = { family: { afi: 1, safi: 134 }, rule: { rd: { type: 5, admin: 1, assigned: 2 }, components: [{ kind: 'prefix', type: 1, prefix: '10.0.0.0/8', offset: 0 }] }, actions: {} };
    expect(encodeFlowConfig(rdType5)).toEqual({ rd: '0x0005000000010002', match: { destination: '10.0.0.0/8' } });
    expect(viaConfig(rdType5).rule).toEqual(rdType5.rule);
  });

  it('keeps action communities no key can say as extendedCommunities', () => {
    const odd = [
      flowActionCommunity({ kind: 'rate-limit', asn: 65000, bytesPerSecond: 100 }), // a rate with an AS
      flowActionCommunity({ kind: 'rate-limit', asn: 0, bytesPerSecond: 0.5 }), // a fraction
      flowActionCommunity({ kind: 'action', sample: false, terminal: false }),
      flowActionCommunity({ kind: 'redirect-to-ip', address: '192.0.2.1', copy: true }),
      flowActionCommunity({ kind: 'redirect-to-nexthop', copy: true }), // copy without a next hop
      flowActionCommunity({ kind: 'mark', dscp: 1 }) | 0x40n, // reserved bits
    ];
    const route: FlowConfigSource = { ...fromText('destination 10.0.0.0/8'), actions: { extendedCommunities: odd } };
    const config = encodeFlowConfig(route);
    expect(config.then).toEqual({ extendedCommunities: odd.map((v) => `0x${v.toString(16).padStart(16, '0')}`) });
    expectSameRoute(viaConfig(route), route);
  });
});

describe('round trip: decodeFlowConfig(encodeFlowConfig(route)) is the route', () => {
  interface CommandVector {
    readonly name: string;
    readonly command: string;
  }
  const COMMANDS: CommandVector[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'exabgp-qa-commands.json'), 'utf8'));
  const parsedCommands = COMMANDS.flatMap((v) => {
    const match = /^(announce|withdraw) (ipv4|ipv6) (flow|flow-vpn) /.exec(v.command)!;
    const parsed = parseFlowRoute(v.command, { from: match[0].length, afi: match[2] === 'ipv4' ? 1 : 2, safi: match[3] === 'flow' ? 133 : 134 });
    return parsed.ok ? [[v.name, parsed.route] as const] : [];
  });

  it('has the ExaBGP commands', () => {
    expect(parsedCommands.length).toBeGreaterThanOrEqual(39);
  });

  it.each(parsedCommands)('ExaBGP command %s', (_name, route) => {
    expectSameRoute(viaConfig(route), route);
    // Once through the config form, the route and its config are fixed points, lists in the same order.
    expect(encodeFlowConfig(viaConfig(route))).toEqual(encodeFlowConfig(route));
    expect(viaConfig(viaConfig(route))).toEqual(viaConfig(route));
  });

  const texts: Array<[string, FlowAfi]> = [...ipv4Samples.texts.map((t) => [t, 1] as [string, FlowAfi]), ...ipv6Samples.texts.map((t) => [t, 2] as [string, FlowAfi])];
  it.each(texts)('family sample %s', (text, afi) => {
    const route = fromText(text, { from: 'flow'.length, afi });
    expectSameRoute(viaConfig(route), route);
  });

  interface WireVector {
    readonly name: string;
    readonly hex: string;
  }
  const WIRE: Buffer[] = [
    ...(JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'exabgp-qa.json'), 'utf8')) as WireVector[]).map((v) => Buffer.from(v.hex, 'hex')),
    ...(JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'gobgp.json'), 'utf8')) as string[]).map((hex) => Buffer.from(hex, 'hex')),
  ];

  it('holds for every rule and action ExaBGP and GoBGP sent in the stored UPDATEs', () => {
    let rules = 0;
    for (const message of WIRE) {
      const fields = mpFields(message);
      if (!isFlowField(fields.reach)) continue;
      const run = decodeField(fields.buf, fields.reach);
      const values = attributeValues(message);
      for (const rule of run.rules) {
        const route: FlowConfigSource = {
          family: flowFamilyOf(fields.reach),
          rule,
          actions: { extendedCommunities: values.extendedCommunities, communities: values.communities },
        };
        expectSameRoute(viaConfig(route), route);
        rules++;
      }
    }
    expect(rules).toBeGreaterThanOrEqual(30);
  });

  it.each([
    [1, false],
    [2, false],
    [1, true],
    [2, true],
  ] as const)('holds for random rules (AFI %d, VPN %s)', (afi, vpn) => {
    fc.assert(
      fc.property(flowRule(afi, vpn, { forText: true }), (rule) => {
        const route: FlowConfigSource = { family: { afi, safi: vpn ? 134 : 133 }, rule, actions: {} };
        expectSameRoute(viaConfig(route), route);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for random action and other extended communities, communities and large communities', () => {
    const action: fc.Arbitrary<FlowAction> = fc.oneof(
      fc.integer({ min: 0, max: 1e6 }).map((rate) => ({ kind: 'rate-limit' as const, asn: 0, bytesPerSecond: rate })),
      fc.integer({ min: 0, max: 1e6 }).map((rate) => ({ kind: 'rate-limit-packets' as const, asn: 0, packetsPerSecond: rate })),
      fc.record({ kind: fc.constant('action' as const), sample: fc.boolean(), terminal: fc.boolean() }),
      fc.record({ kind: fc.constant('redirect' as const), asn: fc.integer({ min: 0, max: 0xffff }), number: fc.integer({ min: 0, max: 0xffffffff }) }),
      fc.record({ kind: fc.constant('redirect' as const), asn: fc.integer({ min: 0, max: 0xffffffff }), number: fc.integer({ min: 0, max: 0xffff }), as4: fc.constant(true) }),
      fc.record({ kind: fc.constant('redirect-ipv4' as const), address: fc.ipV4(), number: fc.integer({ min: 0, max: 0xffff }) }),
      fc.record({ kind: fc.constant('mark' as const), dscp: fc.integer({ min: 0, max: 63 }) }),
      fc.record({ kind: fc.constant('redirect-to-nexthop' as const), copy: fc.boolean() }),
      fc.record({ kind: fc.constant('redirect-to-ip' as const), address: fc.ipV4(), copy: fc.boolean() }),
      fc.record({
        kind: fc.constant('interface-set' as const),
        transitive: fc.boolean(),
        direction: fc.constantFrom('input' as const, 'output' as const, 'input-output' as const),
        asn: fc.integer({ min: 0, max: 0xffffffff }),
        group: fc.integer({ min: 0, max: 0x3fff }),
      }),
    );
    const extended = fc.oneof(action.map(flowActionCommunity), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }));
    const actions = fc.record(
      {
        extendedCommunities: fc.uniqueArray(extended, { maxLength: 5 }),
        communities: fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 3 }),
        largeCommunities: fc.uniqueArray(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3, selector: (c) => c.join(':') }),
        nextHop: fc.oneof(fc.ipV4(), fc.constant('self')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(actions, (generated) => {
        const base = fromText('destination 10.0.0.0/8');
        const route: FlowConfigSource = { ...base, actions: generated };
        expectSameRoute(viaConfig(route), route);
      }),
      { numRuns: 1000 },
    );
  });
});
