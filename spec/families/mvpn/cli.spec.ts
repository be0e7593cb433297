/**
 * `rxbgp encode` and `rxbgp decode` (the built bin/rxbgp; `npm test` builds first) on MVPN routes:
 * the command gives ExaBGP's NLRI octets, and the octets decode to ExaBGP 5's JSON item.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../../bin/rxbgp');
const rxbgp = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15000 });

describe('rxbgp encode / decode of MVPN routes', () => {
  it('encodes an ExaBGP source-ad command to its NLRI and decodes the UPDATE back to ExaBGP 5 JSON', () => {
    const encoded = rxbgp('encode', '--local-as', '65000', 'announce ipv4 mcast-vpn source-ad source 10.99.12.4 group 239.251.255.228 rd 65000:99999 next-hop 10.10.6.4 extended-community [target:65000:99999]');
    expect(encoded.stderr).toBe('');
    const hex = encoded.stdout.trim();
    // MP_REACH_NLRI: AFI 1, SAFI 5, next hop 10.10.6.4, the NLRI of ExaBGP's qa/encoding/conf-mvpn.ci.
    expect(hex).toContain('800E1D000105040A0A06040005120000FDE80001869F200A630C0420EFFBFFE4');
    const decoded = rxbgp('decode', hex);
    expect(decoded.status).toBe(0);
    const event = JSON.parse(decoded.stdout);
    expect(event.neighbor.message.update.announce['ipv4 mcast-vpn']['10.10.6.4']).toEqual([
      { code: 5, parsed: true, raw: '05120000FDE80001869F200A630C0420EFFBFFE4', name: 'Source Active A-D Route', rd: '65000:99999', source: '10.99.12.4', group: '239.251.255.228' },
    ]);
  });

  it('encodes a withdrawal to MP_UNREACH_NLRI alone, and says what is wrong with a bad route', () => {
    const encoded = rxbgp('encode', 'withdraw ipv6 mcast-vpn source-join source fd12::2 group ff0e::1 rd 65000:99999 source-as 65000');
    expect(encoded.stdout.trim()).toBe('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF004D0200000036800F33000205072E0000FDE80001869F0000FDE880FD12000000000000000000000000000280FF0E0000000000000000000000000001');
    const bad = rxbgp('encode', 'announce ipv4 mcast-vpn source-join source 10.0.0.1 group 232.1.1.1 rd 65000:1 next-hop 192.0.2.1');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('a source-join route needs source-as');
  });
});
