/**
 * ExaBGP 4.2 (Debian's) as the sender of this attributes to rxbgp (bin/rxbgp, from dist/)
 * on an iBGP session, from its own config syntax:
 * - `bgp-prefix-sid [ 300, [ ( 16000,1000 ) ] ]` on a labeled route (RFC 8669 label index and SRGB);
 * - `attribute [ 0x99 0xd0 0x00000064 ]` (a generic optional transitive attribute with a 2-octet
 *   length for 4 octets: rxbgp keeps the Extended Length bit and shows the flags as ExaBGP does, 0xF0);
 * - `aigp 100` (RFC 7311; an iBGP session, where AIGP_SESSION is on by default).
 * rxbgp's events must hold each as ExaBGP names it.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { Rxbgp, type RxbgpConfig } from '../rxbgp';
import type { ExaEvent } from '../harness/exabgp-json';

const EXA = '127.0.105.40';
const RX = '127.0.105.41';
const RX_PORT = 17141;
const AS = 65140;
const TIMEOUT_MS = 30000;

const exabgpConf = `neighbor ${RX} {
  router-id 192.0.2.140; local-address ${EXA}; local-as ${AS}; peer-as ${AS};
  connect ${RX_PORT};
  family { ipv4 unicast; ipv4 nlri-mpls; }
  static {
    route 10.140.0.0/24 next-hop 198.51.100.1 label 100 bgp-prefix-sid [ 300, [ ( 16000,1000 ) ] ];
    route 10.141.0.0/24 next-hop 198.51.100.1 attribute [ 0x99 0xd0 0x00000064 ];
    route 10.142.0.0/24 next-hop 198.51.100.1 aigp 100;
  }
}
`;

// The labeled family is not in the harness's typed config.
const config = {
  listen: [{ address: RX, port: RX_PORT }],
  neighbors: [{ peerAddress: EXA, localAddress: RX, localAs: AS, peerAs: AS, routerId: '192.0.2.141', passive: true, families: ['ipv4 unicast', 'ipv4 nlri-mpls'] }],
} as unknown as RxbgpConfig;

const EXABGP_ENV = {
  ...process.env,
  'exabgp.tcp.bind': EXA,
  'exabgp.tcp.port': '17140',
  'exabgp.daemon.user': 'root',
  'exabgp.daemon.drop': 'false',
  'exabgp.daemon.daemonize': 'false',
  'exabgp.api.cli': 'false',
  'exabgp.log.destination': 'stdout',
  'exabgp.log.short': 'true',
};

function attributesOf(event: ExaEvent): Record<string, unknown> {
  return (event.neighbor.message as { update: { attribute: Record<string, unknown> } }).update.attribute;
}

describe('ExaBGP 4.2 sends Prefix-SID, a generic attribute and AIGP to rxbgp', () => {
  let dir = '';
  let rx: Rxbgp | undefined;
  let exabgp: Child | undefined;

  beforeAll(() => {
    dir = makeTempDir('exa-attrs');
    const file = path.join(dir, 'exabgp.conf');
    fs.writeFileSync(file, exabgpConf);
    rx = Rxbgp.start(config);
    exabgp = new Child({ name: 'exabgp', command: 'exabgp', args: ['--env', '/dev/null', file], env: EXABGP_ENV, cwd: dir });
  });

  afterAll(async () => {
    await exabgp?.stop();
    await rx?.dispose();
    removeTempDir(dir);
  }, 30000);

  const routeEvent = (prefix: string): Promise<ExaEvent> =>
    rx!.waitForEvent(`ExaBGP's ${prefix}`, (e) => e.type === 'update' && JSON.stringify(e).includes(`"${prefix}"`), TIMEOUT_MS);

  it('prints the label index and SRGB of the labeled route', async () => {
    const event = await routeEvent('10.140.0.0/24');
    expect(attributesOf(event)['bgp-prefix-sid']).toEqual({ 'sr-label-index': 300, 'sr-srgbs': [[16000, 1000]] });
  }, TIMEOUT_MS + 5000);

  it('prints the generic attribute with its flags as received plus Partial (0xD0 | 0x20)', async () => {
    const event = await routeEvent('10.141.0.0/24');
    expect(attributesOf(event)['attribute-0x99-0xF0']).toBe('0x00000064');
  });

  it('prints the AIGP metric', async () => {
    const event = await routeEvent('10.142.0.0/24');
    expect(attributesOf(event).aigp).toBe('0x0000000000000064');
  });
});
