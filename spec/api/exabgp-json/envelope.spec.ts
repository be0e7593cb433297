import os from 'os';
import { defaultEnvelopeSource, envelope, hexString, neighborSection, pythonFloat, type JsonEnvelopeSource } from '../../../lib/api/exabgp-json/envelope';

const n = { localAddress: '10.0.0.1', peerAddress: '10.0.0.2', localAs: 65001, peerAs: 4200000000 };

function fixedSource(): JsonEnvelopeSource {
  let counter = 41;
  return { host: 'rtr', pid: 100, ppid: 99, nextCounter: () => ++counter, now: () => 1700000000.25 };
}

describe('ExaBGP JSON envelope', () => {
  it('prints the header as json.py _header() does, with ExaBGP spacing and a counter per event', () => {
    const src = fixedSource();
    expect(envelope(src, 'state', '"x": 1')).toBe(
      '{ "exabgp": "4.0.1", "time": 1700000000.25, "host" : "rtr", "pid" : 100, "ppid" : 99, "counter": 42, "type": "state", "x": 1 }',
    );
    expect(envelope(src, 'state', '"x": 1')).toContain('"counter": 43, ');
  });

  it('leaves the counter out for events without a neighbor', () => {
    expect(envelope(fixedSource(), 'notification', '"notification": "shutdown"', false)).toBe(
      '{ "exabgp": "4.0.1", "time": 1700000000.25, "host" : "rtr", "pid" : 100, "ppid" : 99, "type": "notification", "notification": "shutdown" }',
    );
  });

  it('writes the neighbor with a space before the direction and a lone space for empty content', () => {
    const head = '"neighbor": { "address": { "local": "10.0.0.1", "peer": "10.0.0.2" }, "asn": { "local": 65001, "peer": 4200000000 } ';
    expect(neighborSection(n, 'receive', '')).toBe(`${head}, "direction": "receive"  }`);
    expect(neighborSection(n, undefined, '"state": "up"')).toBe(`${head}, "state": "up" }`);
    expect(neighborSection(n, 'send', '"a": 1')).toBe(`${head}, "direction": "send", "a": 1 }`);
  });

  it('prints time as Python repr() of a float', () => {
    expect(pythonFloat(1700000000)).toBe('1700000000.0');
    expect(pythonFloat(1795253819.1719255)).toBe('1795253819.1719255');
    expect(pythonFloat(0)).toBe('0.0');
  });

  it('hex-encodes like exabgp.util.hexstring', () => {
    expect(hexString(Buffer.from([0x0a, 0xbc, 0xff]))).toBe('0x0ABCFF');
    expect(hexString(Buffer.alloc(0))).toBe('0x');
  });

  it('takes host, pid and ppid from this process and counts from 1', () => {
    const src = defaultEnvelopeSource();
    expect([src.host, src.pid, src.ppid]).toEqual([os.hostname(), process.pid, process.ppid]);
    expect([src.nextCounter(), src.nextCounter(), src.nextCounter()]).toEqual([1, 2, 3]);
    // Seconds since the epoch: within a day of Date.now(), and not whole milliseconds only.
    expect(Math.abs(src.now() - Date.now() / 1000)).toBeLessThan(86400);
  });
});
