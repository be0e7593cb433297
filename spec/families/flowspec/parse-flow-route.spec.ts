/**
 * The flow route text of ExaBGP's process API, both forms DDoS tools send, and the cases where
 * ExaBGP 4.2 gets it wrong (issue 12): each expected value is what the RFCs say the rule is.
 */
import {
  encodeFlowRule,
  flowActionOf,
  formatFlowRuleText,
  parseFlowRoute,
  type FlowRouteOptions,
  type ParsedFlowRoute,
} from '../../../lib/families/flowspec';
import { Writer } from '../../../lib/wire/writer';
import { toHex } from '../../helpers/hex';

/** Parses the text after `announce flow route` (or after `ipv4 flow` with the family in options). */
function parse(text: string, options: FlowRouteOptions = {}): ParsedFlowRoute {
  const result = parseFlowRoute(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.route;
}

function error(text: string, options: FlowRouteOptions = {}): string {
  const result = parseFlowRoute(text, options);
  if (result.ok) throw new Error(`parsed: ${formatFlowRuleText(result.route.rule, result.route.family.afi)}`);
  return result.error;
}

function nlri(route: ParsedFlowRoute): string {
  const w = new Writer(64);
  encodeFlowRule(w, route.rule, route.family);
  return toHex(w.view());
}

function actions(route: ParsedFlowRoute): unknown[] {
  return (route.actions.extendedCommunities ?? []).map(flowActionOf);
}

describe('parseFlowRoute: the block form', () => {
  const route = parse(
    '{ match { source 10.0.0.1/32; destination 192.0.2.0/24; protocol [ tcp udp ]; destination-port [ =80 >=8080&<=8088 ]; ' +
      'tcp-flags [ syn ]; packet-length >200&<300; fragment [ is-fragment ]; } then { rate-limit 9600; } }',
  );

  it('reads every component into RFC 8955 order', () => {
    expect(route.family).toEqual({ afi: 1, safi: 133 });
    expect(route.rule.components.map((c) => c.type)).toEqual([1, 2, 3, 5, 9, 10, 12]);
    expect(route.rule.components[3]).toEqual({
      kind: 'numeric',
      type: 5,
      ops: [
        { and: false, lt: false, gt: false, eq: true, value: 80 },
        { and: false, lt: false, gt: true, eq: true, value: 8080 },
        { and: true, lt: true, gt: false, eq: true, value: 8088 },
      ],
    });
    expect(formatFlowRuleText(route.rule, 1)).toBe(
      'flow destination-ipv4 192.0.2.0/24 source-ipv4 10.0.0.1/32 protocol [ =tcp =udp ] destination-port [ =80 >=8080&<=8088 ] ' +
        'tcp-flags syn packet-length [ >200&<300 ] fragment is-fragment',
    );
  });

  it('encodes the NLRI and the traffic-rate action', () => {
    expect(nlri(route)).toBe(
      [
        '25', // length 37
        '0118c00002', // destination 192.0.2.0/24
        '02200a000001', // source 10.0.0.1/32
        '03 0106 8111', // protocol =6 | e =17
        '05 0150 131f90 d51f98', // dest-port =80 | >=8080 | e,a,len2 <=8088
        '09 8002', // tcp-flags e syn
        '0a 02c8 d4012c', // packet-length >200 | e,a,len2 <300
        '0c 8002', // fragment e is-fragment
      ].join('').replace(/ /g, ''),
    );
    expect(route.actions.extendedCommunities).toEqual([0x8006000046160000n]); // 9600.0 as IEEE float
    expect(actions(route)).toEqual([{ kind: 'rate-limit', asn: 0, bytesPerSecond: 9600 }]);
  });

  it('reads the withdraw block without then, and a named route', () => {
    const withdraw = parse('{ match { source 0.0.0.0/32; destination 0.0.0.0/32; destination-port =3128; protocol tcp; } }');
    expect(withdraw.actions).toEqual({});
    expect(nlri(withdraw)).toBe('130120000000000220000000000381060591 0c38'.replace(/ /g, ''));
    expect(parse('block-1 { match { source 10.0.0.0/8; } then { discard; } }').name).toBe('block-1');
  });

  it('reads rd, next-hop and scope { interface-set }', () => {
    const vpn = parse(
      '{ rd 65535:65536; next-hop 192.0.2.9; match { source 10.0.0.3/32; } scope { interface-set [ transitive:input:1234:10 ]; } then { redirect-to-nexthop; } }',
    );
    expect(vpn.family).toEqual({ afi: 1, safi: 134 });
    expect(vpn.rule.rd).toEqual({ type: 0, admin: 65535, assigned: 65536 });
    expect(vpn.actions.nextHop).toBe('192.0.2.9');
    expect(actions(vpn)).toEqual([
      { kind: 'interface-set', transitive: true, direction: 'input', asn: 1234, group: 10 },
      { kind: 'redirect-to-nexthop', copy: false },
    ]);
  });

  it('refuses a statement without its ; (ExaBGP 4.2 acknowledges it and sends an empty rule)', () => {
    expect(error('{ match { source 10.0.0.1/32 } then { discard; } }')).toBe('expected ; to end the source statement: "}" (column 30)');
    expect(error('{ match { source 10.0.0.1/32; } then { discard } }')).toBe('expected ; to end the discard statement: "}" (column 48)');
    expect(error('{ match { source 10.0.0.1/32; destination 10.0.0.2/32 }')).toMatch(/^expected ; to end the destination statement: "}"/);
  });

  it('refuses an unclosed block, words after it, and an empty match', () => {
    expect(error('{ match { source 10.0.0.1/32; }')).toMatch(/^expected match \{, then \{, scope \{, rd, next-hop or \} to close the route, but the line ends/);
    expect(error('{ match { source 10.0.0.1/32; } } discard')).toBe('unexpected word after the flow route: "discard" (column 35)');
    expect(error('{ match { } then { discard; } }')).toMatch(/^a flow route needs at least one match/);
    expect(error('{ match { rate-limit 5; } }')).toBe('unknown match statement: "rate-limit" (column 11)');
  });
});

describe('parseFlowRoute: the one-line form', () => {
  it('reads the line DDoS tools send', () => {
    const route = parse(
      'source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] ' +
        'fragment [ is-fragment dont-fragment ] rate-limit 1024',
    );
    expect(formatFlowRuleText(route.rule, 1)).toBe(
      'flow destination-ipv4 127.0.0.0/24 source-ipv4 4.0.0.0/24 protocol =udp destination-port =80 source-port =53 ' +
        'packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ]',
    );
    expect(nlri(route)).toBe(
      [
        '1f', // length 31
        '01187f0000', // destination 127.0.0.0/24
        '0218040000', // source 4.0.0.0/24
        '03 8111', // protocol e =17
        '05 8150', // destination-port e =80
        '06 8135', // source-port e =53
        '0a 110309 910462', // packet-length len2 =777 | e,len2 =1122
        '0c 0002 8001', // fragment is-fragment | e dont-fragment
      ].join('').replace(/ /g, ''),
    );
    expect(actions(route)).toEqual([{ kind: 'rate-limit', asn: 0, bytesPerSecond: 1024 }]);
  });

  it('keeps every item of a list without brackets (ExaBGP 4.2 keeps the first)', () => {
    const route = parse('destination 10.0.0.1/32 destination-port =3128 >=8080&<=8088 discard');
    expect(formatFlowRuleText(route.rule, 1)).toBe('flow destination-ipv4 10.0.0.1/32 destination-port [ =3128 >=8080&<=8088 ]');
    expect(parse('{ match { destination 10.0.0.1/32; destination-port =3128 >=8080&<=8088; } }').rule).toEqual(route.rule);
  });

  it('keeps every action (ExaBGP 4.2 keeps the first that makes an extended community)', () => {
    const route = parse('destination 10.0.0.1/32 action sample mark 0 rate-limit 500 community [ 65000:1 no-export ] large-community 65000:1:2');
    expect(actions(route)).toEqual([
      { kind: 'action', sample: true, terminal: false },
      { kind: 'mark', dscp: 0 },
      { kind: 'rate-limit', asn: 0, bytesPerSecond: 500 },
    ]);
    expect(route.actions.communities).toEqual([0xfde80001, 0xffffff01]);
    expect(route.actions.largeCommunities).toEqual([[65000, 1, 2]]);
  });

  it('reads every action keyword', () => {
    const route = parse(
      'destination 10.0.0.1/32 discard rate-limit-packets 100 redirect 65000:7 redirect 4200000000:7 redirect 192.0.2.1:7 ' +
        'redirect-to-nexthop-ietf 192.0.2.2 action terminal mark 46 accept extended-community [ target:65000:1 ] interface-set output:1:2'.replace(
          'output',
          'transitive:output',
        ),
    );
    expect(actions(route)).toEqual([
      { kind: 'rate-limit', asn: 0, bytesPerSecond: 0 },
      { kind: 'rate-limit-packets', asn: 0, packetsPerSecond: 100 },
      { kind: 'redirect', asn: 65000, number: 7 },
      { kind: 'redirect', asn: 4200000000, number: 7, as4: true },
      { kind: 'redirect-ipv4', address: '192.0.2.1', number: 7 },
      { kind: 'redirect-to-ip', address: '192.0.2.2', copy: false },
      { kind: 'action', sample: false, terminal: true },
      { kind: 'mark', dscp: 46 },
      undefined, // route target 65000:1 is not a FlowSpec action, but is sent
      { kind: 'interface-set', transitive: true, direction: 'output', asn: 1, group: 2 },
    ]);
    expect(route.actions.extendedCommunities?.[8]).toBe(0x0002fde800000001n);
  });

  it('redirects to a next hop, copies to one, and refuses two different next hops', () => {
    expect(parse('destination 10.0.0.1/32 redirect 192.0.2.7').actions).toEqual({ nextHop: '192.0.2.7', extendedCommunities: [0x0800000000000000n] });
    expect(parse('destination 10.0.0.1/32 copy 192.0.2.7').actions).toEqual({ nextHop: '192.0.2.7', extendedCommunities: [0x0800000000000001n] });
    expect(parse('destination 10.0.0.1/32 next-hop 192.0.2.7 redirect-to-nexthop').actions.nextHop).toBe('192.0.2.7');
    expect(error('destination 10.0.0.1/32 next-hop 192.0.2.7 copy 192.0.2.8')).toBe('a second next hop (the rule already has 192.0.2.7): "192.0.2.8" (column 49)');
  });

  it('reads IPv6 redirects into IPv6 address specific extended communities (RFC 5701)', () => {
    const route = parse('destination 2001:db8::/32 redirect [2001:db8::1]:100 redirect-to-nexthop-ietf 2001:db8::2');
    expect(route.actions.ipv6ExtendedCommunities?.map((v) => v.toString(16).padStart(40, '0'))).toEqual([
      '000d' + '20010db8000000000000000000000001' + '0064',
      '000c' + '20010db8000000000000000000000002' + '0000',
    ]);
  });

  it('reads ExaBGP\'s named values, operators and "!"', () => {
    const route = parse(
      'destination 10.0.0.0/8 protocol !=tcp icmp-type [ echo-request =unreachable ] icmp-code host-unreachable tcp-flags [ =syn+ack !rst&!=fin ] ' +
        'fragment [ not-a-fragment ] dscp 46 port [ true ] discard',
    );
    expect(formatFlowRuleText(route.rule, 1)).toBe(
      'flow destination-ipv4 10.0.0.0/8 protocol !=tcp port true icmp-type [ =echo-request =unreachable ] icmp-code =1 ' +
        'tcp-flags [ =syn+ack !rst&!=fin ] dscp =46 fragment !is-fragment',
    );
  });

  it('refuses unknown words and bad values, naming the word and its column', () => {
    expect(error('destination 10.0.0.1/32 frobnicate 3')).toBe('unknown flow keyword: "frobnicate" (column 25)');
    expect(error('destination 10.0.0.1/32 destination-port =99999')).toBe('bad destination-port value, 99999 is above 65535: "=99999" (column 42)');
    expect(error('destination 10.0.0.1/24')).toBe('bad destination, "10.0.0.1/24" has host bits set (did you mean 10.0.0.0/24?): "10.0.0.1/24" (column 13)');
    expect(error('destination 10.0.0.1/32 protocol !6')).toMatch(/^bad protocol value, a numeric "not equal" is written !=: "!6"/);
    expect(error('destination 10.0.0.1/32 tcp-flags [ syn+bogus ]')).toMatch(/^bad tcp-flags value, "bogus" is not one of the TCP flags/);
    expect(error('destination 10.0.0.1/32 mark 64')).toBe('mark must be a DSCP value 0..63: "64" (column 30)');
    expect(error('destination 10.0.0.1/32 dscp 64')).toBe('bad dscp value, 64 is above 63: "64" (column 30)');
    expect(error('destination 10.0.0.1/32 destination-port [ =80')).toMatch(/^expected \] to close the destination-port list, but the line ends/);
    expect(error('destination 10.0.0.1/32 destination 10.0.0.2/32')).toBe('a second destination prefix in one rule: "destination" (column 25)');
    expect(error('')).toMatch(/^expected a flow route/);
  });
});

describe('parseFlowRoute: the family', () => {
  it('encodes an IPv6 offset as the bits after it only (ExaBGP 4.2 sends the whole prefix)', () => {
    const route = parse('destination-ipv6 ::1234:5678:0:0/96/64 discard');
    expect(route.family).toEqual({ afi: 2, safi: 133 });
    expect(route.rule.components[0]).toEqual({ kind: 'prefix', type: 1, prefix: '::1234:5678:0:0/96', offset: 64 });
    expect(nlri(route)).toBe('07' + '01' + '60' + '40' + '12345678'); // length, type 1, /96, offset 64, bits 64..95
    // The same written with the offset keyword, and with bits before the offset (not matched, so cleared).
    expect(parse('destination 2001:db8:0:0:1234:5678::/96 offset 64').rule).toEqual(route.rule);
  });

  it('takes the family from the command: an IPv6 rule without an IPv6 prefix stays IPv6 (ExaBGP 4.2 sends IPv4)', () => {
    const route = parse('protocol udp destination-port =53 discard', { afi: 2, safi: 133 });
    expect(route.family).toEqual({ afi: 2, safi: 133 });
    expect(formatFlowRuleText(route.rule, 2)).toBe('flow next-header =udp destination-port =53');
    // Without the command's family, IPv6-only words decide it.
    expect(parse('next-header udp flow-label 7').family.afi).toBe(2);
    expect(parse('protocol udp').family.afi).toBe(1);
  });

  it('refuses a rule mixing the families', () => {
    expect(error('destination 10.0.0.1/32', { afi: 2, safi: 133 })).toBe('an IPv4 prefix in an IPv6 rule (the command is IPv6 flow): "10.0.0.1/32" (column 13)');
    expect(error('destination 10.0.0.1/32 source 2001:db8::/32')).toBe('an IPv6 prefix in an IPv4 rule ("10.0.0.1/32" made it IPv4): "2001:db8::/32" (column 32)');
    expect(error('destination 10.0.0.1/32 flow-label 5')).toBe('flow-label (IPv6 only) in an IPv4 rule ("10.0.0.1/32" made it IPv4): "flow-label" (column 25)');
    expect(error('flow-label 5', { afi: 1, safi: 133 })).toMatch(/^flow-label \(IPv6 only\) in an IPv4 rule/);
    expect(error('destination-ipv6 2001:db8::/32/32')).toMatch(/offset 32 must be below the prefix length 32/);
  });

  it('makes an rd a flow-vpn rule, and asks for one after flow-vpn', () => {
    expect(parse('rd 192.0.2.1:7 destination 10.0.0.0/8', { afi: 1, safi: 133 }).family).toEqual({ afi: 1, safi: 134 });
    expect(parse('rd 4200000000:7 destination 10.0.0.0/8').rule.rd).toEqual({ type: 2, admin: 4200000000, assigned: 7 });
    expect(error('destination 10.0.0.0/8', { afi: 1, safi: 134 })).toMatch(/^a flow-vpn route needs rd ADMIN:NUMBER/);
  });

  it('reports columns in the whole line when given where the flow text starts', () => {
    const line = 'neighbor 127.0.0.1 announce flow route destination 10.0.0.1/33';
    expect(parseFlowRoute(line, { from: line.indexOf('route') + 5 })).toEqual({
      ok: false,
      error: 'bad destination, prefix length "33" must be 0..32: "10.0.0.1/33" (column 52)',
    });
  });
});
