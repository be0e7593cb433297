import { openJson } from '../../../lib/api/exabgp-json';
import { capabilitiesJson } from '../../../lib/api/exabgp-json/open';
import type { Capability, OpenMessage } from '../../../lib/wire/types';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

describe('OPEN events', () => {
  it('print version, AS, hold time, router id and capabilities by code', () => {
    const msg: OpenMessage = {
      type: 'open',
      version: 4,
      myAs: 23456,
      holdTime: 90,
      bgpId: '192.0.2.2',
      capabilities: [{ kind: 'asn4', asn: 4200000000 }],
    };
    expect(openJson(TEST_SOURCE, n, msg, 'send')).toBe(
      '{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, "counter": 1, "type": "open", ' +
        '"neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } , ' +
        '"direction": "send", "open": { "version": 4, "asn": 23456, "hold_time": 90, "router_id": "192.0.2.2", ' +
        '"capabilities": { "65": { "name": "asn4", "asn4": 4200000000 } } } } }',
    );
  });

  it('gather repeated capabilities in the place of the first, as ExaBGP dictionary does', () => {
    const caps: Capability[] = [
      { kind: 'multiprotocol', afi: 1, safi: 1 },
      { kind: 'add-path', families: [{ afi: 1, safi: 1, mode: 1 }] },
      { kind: 'multiprotocol', afi: 2, safi: 1 },
      { kind: 'add-path', families: [{ afi: 2, safi: 1, mode: 2 }, { afi: 1, safi: 1, mode: 3 }] },
      { kind: 'unknown', code: 99, value: Buffer.from([1]) },
      { kind: 'unknown', code: 99, value: Buffer.from([2]) },
      { kind: 'graceful-restart', flags: 0, restartTime: 120, families: [{ afi: 1, safi: 1, flags: 0x80 }] },
      { kind: 'graceful-restart', flags: 0x8, restartTime: 0x1fff, families: [{ afi: 2, safi: 1, flags: 0 }] },
    ];
    expect(capabilitiesJson(caps)).toBe(
      '{ "1": { "name": "multiprotocol", "families": [ "ipv4/unicast", "ipv6/unicast" ] }, ' +
        '"69": { "name": "addpath", "ipv4/unicast": "send/receive","ipv6/unicast": "send" }, ' +
        '"99": { "name": "unknown", "iana": "unassigned", "value": 99, "raw": "02" }, ' +
        '"64": { "name": "graceful restart", "time": 4095, "address-family-flags": { "ipv4/unicast": [ "restart" ] , "ipv6/unicast": [ ] }, ' +
        '"restart-flags": [ "forwarding" ] } }',
    );
  });

  it('give both route-refresh entries the variant of the last of codes 2 and 128', () => {
    const rfcLast: Capability[] = [{ kind: 'route-refresh-cisco' }, { kind: 'route-refresh' }];
    expect(capabilitiesJson(rfcLast)).toBe(
      '{ "128": { "name": "route-refresh", "variant": "RFC" }, "2": { "name": "route-refresh", "variant": "RFC" } }',
    );
    expect(capabilitiesJson([{ kind: 'route-refresh-cisco' }])).toBe('{ "128": { "name": "route-refresh", "variant": "Cisco" } }');
  });

  it('print the FQDN capability as unknown with its raw value (ExaBGP 4.2 does not know code 73)', () => {
    expect(capabilitiesJson([{ kind: 'hostname', hostname: 'r1', domain: '' }])).toBe(
      '{ "73": { "name": "unknown", "iana": "unassigned", "value": 73, "raw": "02723100" } }',
    );
  });

  it('print capabilities ExaBGP knows and rxbgp keeps raw the ExaBGP way', () => {
    const caps: Capability[] = [
      { kind: 'unknown', code: 5, value: Buffer.from('000100010002' + '000100010002' + '0002000100', 'hex') },
      { kind: 'unknown', code: 68, value: Buffer.from([0]) },
      { kind: 'unknown', code: 185, value: Buffer.alloc(0) },
      { kind: 'unknown', code: 3, value: Buffer.from([0xab]) },
      { kind: 'unknown', code: 200, value: Buffer.alloc(0) },
      { kind: 'extended-message' },
      { kind: 'enhanced-route-refresh' },
    ];
    expect(capabilitiesJson(caps)).toBe(
      '{ "5": { "name": "nexthop", "conversion": [ "ipv4/unicast/ipv6" ] }, ' +
        '"68": { "name": "multisession", "variant": "RFC", "capabilities": [ ] }, "185": { "name": "operational" }, ' +
        '"3": { "name": "unknown", "iana": "unknown", "value": 3, "raw": "AB" }, ' +
        '"200": { "name": "unknown", "iana": "reserved", "value": 200, "raw": "" }, ' +
        '"6": { "name": "extended-message", "size": 65535 }, "70": { "name": "enhanced-route-refresh" } }',
    );
    expect(capabilitiesJson([])).toBe('{  }');
  });
});
