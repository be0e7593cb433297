/**
 * BGP Prefix-SID (RFC 8669, RFC 9252) from rxbgp (bin/rxbgp, from dist/) to a real gobgpd
 * (Debian's 3.10) on one iBGP session carrying IPv4 and IPv6 unicast: rxbgp announces a route
 * with `bgp-prefix-sid [ 300, [ ( 16000,1000 ) ] ]` and one with
 * `bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )` through `rxbgp cli`,
 * and GoBGP holds each with the attribute decoded (`gobgp global rib -j`, attribute type 40).
 * Next hops are 198.51.100.x / 2001:db8::x: GoBGP treats a 127/8 next hop as unusable (PEERS.md).
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.105.12', port: 17112, asn: 65112, routerId: '192.0.2.112', neighbor: '127.0.105.13' };
const API_PORT = 50112;
const TIMEOUT_MS = 20000;

const gobgpToml = `[global.config]
  as = ${GOBGP.asn}
  router-id = "${GOBGP.routerId}"
  port = ${GOBGP.port}
  local-address-list = ["${GOBGP.address}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${GOBGP.neighbor}"
    peer-as = ${GOBGP.asn}
  [neighbors.transport.config]
    local-address = "${GOBGP.address}"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv6-unicast"
`;

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

type GobgpAttribute = { readonly type: number; readonly [key: string]: unknown };

/** `gobgp global rib -a <family> -j`: the first path's attributes of `prefix`, if GoBGP holds it. */
async function gobgpAttributes(family: string, prefix: string): Promise<readonly GobgpAttribute[] | undefined> {
  const text = (await gobgp('global', 'rib', '-a', family, '-j')).trim();
  const rib = text === '' || text === 'null' ? {} : (JSON.parse(text) as Record<string, ReadonlyArray<{ attrs?: readonly GobgpAttribute[] }>>);
  return rib[prefix]?.[0]?.attrs;
}

describe('BGP Prefix-SID from rxbgp to GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('prefix-sid-gobgp');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml);
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.113', { families: ['ipv4 unicast', 'ipv6 unicast'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it('rxbgp cli takes both lines', async () => {
    expect(
      await rx!.cliEach([
        'announce route 10.112.0.0/24 next-hop 198.51.100.1 bgp-prefix-sid [ 300, [ ( 16000,1000 ) ] ]',
        'announce route 2001:db8:112::/48 next-hop 2001:db8::1 bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )',
      ]),
    ).toEqual([]);
  });

  it('GoBGP holds the route with the attribute (GoBGP 3.10 lists no Label-Index or SRGB TLV in its JSON)', async () => {
    const attrs = await waitFor('GoBGP to hold 10.112.0.0/24', () => gobgpAttributes('ipv4', '10.112.0.0/24'));
    // GoBGP's prefix-SID JSON has only the SRv6 TLVs it models; the attribute is held, optional transitive.
    expect(attrs.find((a) => a.type === 40)).toEqual({ type: 40, flags: 0xc0, TLVs: [] });
  });

  it('GoBGP holds the SRv6 L3 service', async () => {
    const attrs = await waitFor('GoBGP to hold 2001:db8:112::/48', () => gobgpAttributes('ipv6', '2001:db8:112::/48'));
    expect(attrs.find((a) => a.type === 40)).toEqual({
      type: 40,
      flags: 0xc0,
      TLVs: [
        {
          type: 5,
          SubTLVs: [
            {
              type: 1,
              sid: Buffer.from('20010db8000100010000000000000000', 'hex').toString('base64'), // 2001:db8:1:1::, as GoBGP prints bytes
              flags: 0,
              endpoint_behavior: 0x48,
              sub_sub_tlvs: [
                { type: 1, locator_block_length: 64, locator_node_length: 24, function_length: 16, argument_length: 0, transposition_length: 0, transposition_offset: 0 },
              ],
            },
          ],
        },
      ],
    });
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
