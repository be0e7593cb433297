/**
 * Raw messages in events (api packets / consolidate). The expected lines are what ExaBGP 4.2.21's
 * own JSON and text encoders print for the same UPDATE (JSON.packets(), JSON.update() with header and
 * body, Text.packets()), recorded with time/host/pid/ppid/counter fixed.
 */
import { consolidatedJson, packetsJson, updateJson } from '../../../lib/api/exabgp-json';
import { packetsText } from '../../../lib/api/exabgp-text';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';

const RAW = Buffer.from('ffffffffffffffffffffffffffffffff002f02000000144001010040020602010000fde9400304c633640118c0a801', 'hex');
const src = { host: 'h', pid: 1, ppid: 1, nextCounter: () => 1, now: () => 0 };
const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

describe('packets and consolidate', () => {
  it('a packets event as ExaBGP prints it', () => {
    expect(packetsJson(src, n, RAW, 'receive')).toBe('{ "exabgp": "4.0.1", "time": 0.0, "host" : "h", "pid" : 1, "ppid" : 1, "counter": 1, "type": "update", "neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } , "direction": "receive", "message": { "category": 2, "header": "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002F02", "body": "0x000000144001010040020602010000FDE9400304C633640118C0A801" }  } }');
  });

  it('a consolidated event: the parsed UPDATE with header and body', () => {
    const parsed = updateJson(src, n, decodeMessage(RAW, DEFAULT_CONTEXT) as UpdateMessage, 'receive');
    expect(consolidatedJson(parsed, RAW)).toBe('{ "exabgp": "4.0.1", "time": 0.0, "host" : "h", "pid" : 1, "ppid" : 1, "counter": 1, "type": "update", "header": "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002F02", "body": "0x000000144001010040020602010000FDE9400304C633640118C0A801", "neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } , "direction": "receive", "message": { "update": { "attribute": { "origin": "igp", "as-path": [ 65001 ], "confederation-path": [] }, "announce": { "ipv4 unicast": { "198.51.100.1": [ { "nlri": "192.168.1.0/24" } ] } } } } } }');
  });

  it('the text encoder packets line', () => {
    expect(packetsText(n, RAW, 'receive')).toBe('neighbor 127.0.0.2 receive 2 header 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002F02 body 0x000000144001010040020602010000FDE9400304C633640118C0A801');
  });

  it('leaves out an empty body (KEEPALIVE)', () => {
    const ka = Buffer.from('ffffffffffffffffffffffffffffffff001304', 'hex');
    expect(consolidatedJson('{ "exabgp": "4.0.1", "type": "keepalive", "neighbor": { } }', ka)).toBe(
      '{ "exabgp": "4.0.1", "type": "keepalive", "header": "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304", "neighbor": { } }',
    );
  });
});
