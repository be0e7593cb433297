/** UPDATE events from hand-built messages: what the session layer passes, including what no decoder produces. */
import { updateJson } from '../../../lib/api/exabgp-json';
import type { Announced, NlriList, PathAttributes, UpdateMessage } from '../../../lib/wire/types';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };
const HEAD =
  '{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, "counter": 1, "type": "update", ' +
  '"neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } ';

function update(parts: { attributes?: PathAttributes; announced?: Announced[]; withdrawn?: NlriList[] }, extra: Partial<UpdateMessage> = {}): UpdateMessage {
  return { type: 'update', attributes: parts.attributes ?? {}, announced: parts.announced ?? [], withdrawn: parts.withdrawn ?? [], ...extra };
}

/** The part after `"message": ` for a message. */
function message(msg: UpdateMessage, direction: 'receive' | 'send' | 'in' = 'receive', asn4 = true): string {
  const line = updateJson(TEST_SOURCE, n, msg, direction, { asn4, extendedMessage: false, addPath: new Set() });
  const prefix = `${HEAD}, "direction": "${direction}", "message": `;
  expect(line.startsWith(prefix)).toBe(true);
  expect(line.endsWith(' } }')).toBe(true);
  return line.slice(prefix.length, -4);
}

const ATTRS: PathAttributes = { origin: 0, asPath: [{ type: 2, asns: [65002] }], nextHop: '192.0.2.1' };
const V4: Announced = { afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.0.1.0/24'], nextHop: ['192.0.2.1'] };
const V6_LINK_LOCAL: Announced = { afi: 2, safi: 1, prefixes: ['2001:db8:1::/48', '2001:db8:2::/48'], nextHop: ['2001:db8::1', 'fe80::1'] };

describe('UPDATE events', () => {
  it('prints the BGP Prefix-SID SRv6 services (RFC 9252) as ExaBGP 5 does (qa/encoding/conf-srv6-mup.ci, qa/decoding/vpnv4-extended-nexthop-1)', () => {
    const structure: [number, number, number, number, number, number] = [64, 24, 16, 0, 0, 0];
    const msg = update({
      attributes: {
        ...ATTRS,
        prefixSid: [
          { type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 72, subSubTlvs: [{ type: 1, structure }] }] },
          { type: 6, subTlvs: [{ type: 1, sid: '2001:1::', flags: 0, behavior: 0, subSubTlvs: [] }, { type: 9, value: Buffer.from([0xaa]) }] },
          { type: 99, value: Buffer.from([1, 2]) },
        ],
      },
      announced: [V4],
    });
    expect(message(msg)).toContain(
      '"bgp-prefix-sid": { "l3-service": [ { "sid": "2001:db8:1:1::", "flags": 0, "endpoint_behavior": 72, "structure": {"locator-block-length": 64, ' +
        '"locator-node-length": 24, "function-length": 16, "argument-length": 0, "transposition-length": 0, "transposition-offset": 0} } ], ' +
        '"l2-service": [ { "sid": "2001:1::", "flags": 0, "endpoint_behavior": 0 }, {"type": 9, "raw": "aa"} ], "attribute-not-implemented-99": "0x0102" } }',
    );
  });

  it('prints AIGP (RFC 7311) as ExaBGP 5 does: "aigp", a quoted 0x and 16 hex digits, between AS4_AGGREGATOR and LARGE_COMMUNITIES', () => {
    // ExaBGP 5 AttributeCollection: AIGP is 'integer' with AIGP.__repr__ f'0x{aigp:016x}', quoted as not a number.
    const msg = update({ attributes: { ...ATTRS, aigp: 100n, largeCommunities: [[65002, 1, 2]] }, announced: [V4] });
    expect(message(msg)).toContain('"confederation-path": [], "aigp": "0x0000000000000064", "large-community": [ [ 65002, 1 , 2 ] ] }');
  });

  it('groups announced routes by family, then next hop, and lists withdrawn ones by family', () => {
    const msg = update({
      attributes: ATTRS,
      announced: [V4, V6_LINK_LOCAL],
      withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.9.0.0/16'] }],
    });
    expect(message(msg)).toBe(
      '{ "update": { "attribute": { "origin": "igp", "as-path": [ 65002 ], "confederation-path": [] }, ' +
        '"announce": { "ipv4 unicast": { "192.0.2.1": [ { "nlri": "10.0.0.0/24" }, { "nlri": "10.0.1.0/24" } ] }, ' +
        '"ipv6 unicast": { "2001:db8::1": [ { "nlri": "2001:db8:1::/48" }, { "nlri": "2001:db8:2::/48" } ], ' +
        '"fe80::1": [ { "nlri": "2001:db8:1::/48" }, { "nlri": "2001:db8:2::/48" } ] } }, ' +
        '"withdraw": { "ipv4 unicast": [ { "nlri": "10.9.0.0/16" } ] } } }',
    );
  });

  it('puts the IPv4 fields of the UPDATE before MP attributes of the same family, whatever the list order', () => {
    const msg = update({
      attributes: ATTRS,
      announced: [{ afi: 1, safi: 1, mp: true, prefixes: ['10.2.0.0/16'], nextHop: ['192.0.2.2'] }, V4],
      withdrawn: [{ afi: 2, safi: 1, prefixes: ['2001:db8:9::/48'] }, { afi: 1, safi: 1, prefixes: ['10.9.0.0/16'] }],
    });
    expect(message(msg)).toContain(
      '"announce": { "ipv4 unicast": { "192.0.2.1": [ { "nlri": "10.0.0.0/24" }, { "nlri": "10.0.1.0/24" } ], "192.0.2.2": [ { "nlri": "10.2.0.0/16" } ] } }',
    );
    expect(message(msg)).toContain('"withdraw": { "ipv4 unicast": [ { "nlri": "10.9.0.0/16" } ], "ipv6 unicast": [ { "nlri": "2001:db8:9::/48" } ] }');
  });

  it('keys routes without a NEXT_HOP under "no-nexthop"', () => {
    const msg = update({ attributes: { origin: 0 }, announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/8'], nextHop: [] }] });
    expect(message(msg)).toBe('{ "update": { "attribute": { "origin": "igp" }, "announce": { "ipv4 unicast": { "no-nexthop": [ { "nlri": "10.0.0.0/8" } ] } } } }');
  });

  it('prints ADD-PATH identifiers as dotted quads (RFC 7911)', () => {
    const msg = update({ withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.0.1.0/24'], pathIds: [1, 0x01020304] }] });
    expect(message(msg)).toBe(
      '{ "update": { "withdraw": { "ipv4 unicast": [ { "nlri": "10.0.0.0/24", "path-information": "0.0.0.1" }, ' +
        '{ "nlri": "10.0.1.0/24", "path-information": "1.2.3.4" } ] } } }',
    );
  });

  describe('RFC 7606 treat-as-withdraw', () => {
    const msg = update(
      {
        attributes: { origin: 0, nextHop: '192.0.2.1' },
        announced: [V6_LINK_LOCAL, V4],
        withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.9.0.0/16'] }],
      },
      { errorAction: 'treat-as-withdraw' },
    );

    it('reports every route of a received UPDATE as withdrawn, in ExaBGP parse order, with the error', () => {
      expect(message(msg, 'receive')).toBe(
        '{ "update": { "attribute": { "origin": "igp", "error": "treat-as-withdraw" }, "withdraw": { ' +
          '"ipv4 unicast": [ { "nlri": "10.9.0.0/16" }, { "nlri": "10.0.0.0/24" }, { "nlri": "10.0.1.0/24" } ], ' +
          '"ipv6 unicast": [ { "nlri": "2001:db8:1::/48" }, { "nlri": "2001:db8:1::/48" }, { "nlri": "2001:db8:2::/48" }, { "nlri": "2001:db8:2::/48" } ] } } }',
      );
    });

    it('keeps them announced as `exabgp --decode` does (direction "in") and for sent messages', () => {
      for (const direction of ['in', 'send'] as const) {
        const text = message(msg, direction);
        expect(text).toContain('"announce": { "ipv4 unicast": { "192.0.2.1": [ { "nlri": "10.0.0.0/24" }, { "nlri": "10.0.1.0/24" } ] }, "ipv6 unicast"');
        expect(text).toContain('"error": "treat-as-withdraw"');
      }
    });
  });

  it('prints "discard" as the last attribute member', () => {
    const msg = update({ attributes: { ...ATTRS, largeCommunities: [[1, 2, 3]] }, announced: [V4] }, { errorAction: 'discard', discarded: [6] });
    expect(message(msg)).toContain('"large-community": [ [ 1, 2 , 3 ] ], "error": "discard" }');
  });

  describe('End-of-RIB (RFC 4724 §2)', () => {
    it('is an empty UPDATE for IPv4 unicast', () => {
      expect(message(update({}))).toBe('{ "eor": { "afi" : "ipv4", "safi" : "unicast" } }');
      expect(message(update({ withdrawn: [{ afi: 1, safi: 1, prefixes: [] }] }))).toBe('{ "eor": { "afi" : "ipv4", "safi" : "unicast" } }');
    });

    it('is an empty MP_UNREACH_NLRI for other families', () => {
      expect(message(update({ withdrawn: [{ afi: 2, safi: 1, prefixes: [] }] }))).toBe('{ "eor": { "afi" : "ipv6", "safi" : "unicast" } }');
      expect(message(update({ withdrawn: [{ afi: 1, safi: 1, mp: true, prefixes: [] }] }))).toBe('{ "eor": { "afi" : "ipv4", "safi" : "unicast" } }');
      expect(message(update({ withdrawn: [{ afi: 25, safi: 70, prefixes: [] }] }))).toBe('{ "eor": { "afi" : "l2vpn", "safi" : "evpn" } }');
    });

    it('is not an UPDATE that carries attributes', () => {
      expect(message(update({ attributes: { nextHop: '192.0.2.1' }, withdrawn: [{ afi: 2, safi: 1, prefixes: [] }] }))).toBe('{ "update": { "attribute": {  } } }');
    });
  });

  describe('attributes', () => {
    it('come in type-code order with unknown transitive ones among them, non-transitive ones left out', () => {
      const attributes: PathAttributes = {
        ...ATTRS,
        med: 0,
        communities: [0xffffff01, 0xfde80001],
        unknown: [
          { flags: 0xc0, type: 40, value: Buffer.from([1]) }, // prefix SID: ExaBGP decodes it (not printed the same way)
          { flags: 0xc0, type: 250, value: Buffer.from([0xab]) },
          { flags: 0xc0, type: 30, value: Buffer.from([9]) },
          { flags: 0xc0, type: 99, value: Buffer.from([1, 2]) },
          { flags: 0xc0, type: 99, value: Buffer.from([3]) }, // a repeat: ExaBGP keeps the first
          { flags: 0x80, type: 98, value: Buffer.from([1]) },
          { flags: 0xc0, type: 26, value: Buffer.alloc(11) }, // AIGP with the wrong flags: dropped by ExaBGP
          { flags: 0xc0, type: 23, value: Buffer.alloc(256) },
        ],
      };
      const text = message(update({ attributes, announced: [V4] }));
      expect(text).toContain(
        '"attribute": { "origin": "igp", "as-path": [ 65002 ], "confederation-path": [], "med": 0, ' +
          '"community": [ [ 65535, 65281 ], [ 65000, 1 ] ], ' +
          `"attribute-0x17-0xF0": "0x${'00'.repeat(256)}", "attribute-0x1E-0xE0": "0x09", "attribute-0x28-0xE0": "0x01", ` +
          '"attribute-0x63-0xE0": "0x0102", "attribute-0xFA-0xE0": "0xab" }',
      );
    });

    it('print IPv6 address specific extended communities (RFC 5701, FlowSpec redirects) as ExaBGP 4.2 does: flags 0xC0, its text, several in byte order', () => {
      // Checked with exabgp --decode (4.2.21): it decodes attribute 25 itself, so no Partial bit and no hex.
      const ietf = (last: number): Buffer => Buffer.from(`000c20010db8${'0'.repeat(21)}${last.toString(16).padStart(3, '0')}0000`, 'hex');
      const one = message(update({ attributes: { origin: 0, localPref: 100, unknown: [{ flags: 0xc0, type: 25, value: ietf(7) }] } }));
      expect(one).toBe('{ "update": { "attribute": { "origin": "igp", "local-preference": 100, "attribute-0x19-0xC0": "redirect-to-nexthop-ietf 2001:db8::7" } } }');
      const two = message(update({ attributes: { unknown: [{ flags: 0xc0, type: 25, value: Buffer.concat([ietf(7), ietf(1)]) }] } }));
      expect(two).toBe('{ "update": { "attribute": { "attribute-0x19-0xC0": "[ redirect-to-nexthop-ietf 2001:db8::1 redirect-to-nexthop-ietf 2001:db8::7 ]" } } }');
    });

    it('name ORIGIN values ExaBGP does not know "invalid"', () => {
      expect(message(update({ attributes: { origin: 7 } }))).toBe('{ "update": { "attribute": { "origin": "invalid" } } }');
    });

    it('print nothing for an empty AS_PATH, as ExaBGP does not keep one', () => {
      expect(message(update({ attributes: { origin: 0, asPath: [], localPref: 100 } }))).toBe(
        '{ "update": { "attribute": { "origin": "igp", "local-preference": 100 } } }',
      );
    });

    it('print AS4_PATH as an unknown attribute when there is no AS_PATH, or when treat-as-withdraw stopped the merge', () => {
      const as4Path = [{ type: 2, asns: [4200000000] }];
      expect(message(update({ attributes: { as4Path } }))).toBe('{ "update": { "attribute": { "attribute-0x11-0xC0": "[ 4200000000 ]" } } }');
      const stopped = update({ attributes: { asPath: [{ type: 2, asns: [1, 23456] }], as4Path } }, { errorAction: 'treat-as-withdraw' });
      expect(message(stopped, 'in')).toBe(
        '{ "update": { "attribute": { "as-path": [ 1, 23456 ], "confederation-path": [], "attribute-0x11-0xC0": "[ 4200000000 ]", "error": "treat-as-withdraw" } } }',
      );
    });

    it('print both aggregators, AGGREGATOR as received and AS4_AGGREGATOR read on two octets, on a 2-octet session', () => {
      const as4Aggregator = { asn: 4200000000, address: '192.0.2.9' };
      // the decoder put AS4_AGGREGATOR in place of an AS_TRANS AGGREGATOR (RFC 6793 §4.2.3)
      const merged = update({ attributes: { aggregator: as4Aggregator, as4Aggregator } });
      expect(message(merged, 'receive', false)).toBe('{ "update": { "attribute": { "aggregator": "23456:192.0.2.9", "aggregator": "64086:192.0.2.9" } } }');
      expect(message(merged, 'receive', true)).toBe(
        '{ "update": { "attribute": { "aggregator": "4200000000:192.0.2.9", "aggregator": "4200000000:192.0.2.9" } } }',
      );
      const ignored = update({ attributes: { aggregator: { asn: 65010, address: '192.0.2.8' }, as4Aggregator } });
      expect(message(ignored, 'receive', false)).toBe('{ "update": { "attribute": { "aggregator": "65010:192.0.2.8", "aggregator": "64086:192.0.2.9" } } }');
    });

    it('print cluster list, originator, extended and large communities (duplicates of the latter dropped)', () => {
      const attributes: PathAttributes = {
        originatorId: '192.0.2.77',
        clusterList: ['192.0.2.88'],
        extendedCommunities: [0x0002fde800000001n],
        largeCommunities: [
          [4200000000, 0, 4294967295],
          [4200000000, 0, 4294967295],
          [1, 2, 3],
        ],
      };
      expect(message(update({ attributes }))).toBe(
        '{ "update": { "attribute": { "originator-id": "192.0.2.77", "cluster-list": [ "192.0.2.88" ], ' +
          '"extended-community": [ { "value": 842122827661313, "string": "target:65000:1" } ], ' +
          '"large-community": [ [ 4200000000, 0 , 4294967295 ], [ 1, 2 , 3 ] ] } } }',
      );
    });
  });

  it('builds the line for 1000 prefixes in one pass', () => {
    const prefixes = Array.from({ length: 1000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const text = message(update({ attributes: ATTRS, announced: [{ afi: 1, safi: 1, prefixes, nextHop: ['192.0.2.1'] }] }));
    expect(text.match(/\{ "nlri": "10\.\d+\.\d+\.0\/24" \}/g)).toHaveLength(1000);
  });
});
