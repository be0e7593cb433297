/**
 * FlowSpec UPDATEs as GoBGP 3 sends them, read by lib/families/flowspec. A real gobgpd (Debian's)
 * is given rules with `gobgp global rib -a ipv4-flowspec add match ... then ...` (IPv4, IPv6 and
 * both flow-vpn families, with each action its CLI has); this test is its peer on loopback, takes
 * every UPDATE it sends, and checks each rule and action reads as GoBGP shows it, and encodes back
 * to GoBGP's own bytes. GoBGP, like ExaBGP 4.2, sends an IPv6 prefix with an offset as the whole
 * prefix (RFC 8956 §3.1 sends the bits after the offset): that NLRI is malformed here.
 *
 * UPDATE_FIXTURES=1 stores the UPDATEs in spec/fixtures/flowspec/gobgp.json, which the unit suite
 * (spec/families/flowspec/gobgp-vectors.spec.ts) checks without gobgpd.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Framer } from '../../lib/wire/framer';
import { encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../lib/wire/types';
import { decodeField, isFlowField } from '../families/flowspec/helpers/flow-json';
import { mpFields } from '../families/flowspec/helpers/mp-attributes';
import { GOBGP_RULES, checkGobgpUpdates } from '../families/flowspec/helpers/gobgp-expectations';

const GOBGP_ADDRESS = '127.0.0.203';
const OUR_ADDRESS = '127.0.0.204';
const GOBGP_PORT = 17203;
const API_PORT = 50203;
const ASN = 65203;
const FIXTURE = join(__dirname, '..', 'fixtures', 'flowspec', 'gobgp.json');

const CONFIG = `[global.config]
  as = ${ASN}
  router-id = "192.0.2.203"
  port = ${GOBGP_PORT}
  local-address-list = ["${GOBGP_ADDRESS}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${OUR_ADDRESS}"
    peer-as = ${ASN}
  [neighbors.transport.config]
    local-address = "${GOBGP_ADDRESS}"
    passive-mode = true
${['ipv4-flowspec', 'ipv6-flowspec', 'l3vpn-ipv4-flowspec', 'l3vpn-ipv6-flowspec']
  .map((name) => `  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "${name}"`)
  .join('\n')}
`;

function gobgp(...args: string[]): string {
  return execFileSync('gobgp', ['-p', String(API_PORT), ...args], { encoding: 'utf8', timeout: 10000 });
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a session to gobgpd as a flow-only iBGP peer and returns the UPDATEs until `enough` says so. */
function captureUpdates(enough: (updates: Buffer[]) => boolean, timeoutMs: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const updates: Buffer[] = [];
    const framer = new Framer();
    const socket = net.connect({ host: GOBGP_ADDRESS, port: GOBGP_PORT, localAddress: OUR_ADDRESS });
    const done = (error?: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(updates);
    };
    const timer = setTimeout(() => done(new Error(`only ${updates.length} UPDATEs from gobgpd in ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', done);
    socket.on('connect', () => {
      const families = [
        [1, 133],
        [2, 133],
        [1, 134],
        [2, 134],
      ].map(([afi, safi]) => ({ kind: 'multiprotocol' as const, afi, safi }));
      socket.write(
        encodeMessage(
          { type: 'open', version: 4, myAs: ASN, holdTime: 90, bgpId: '192.0.2.204', capabilities: [...families, { kind: 'route-refresh' }, { kind: 'asn4', asn: ASN }] },
          DEFAULT_CONTEXT,
        ),
      );
    });
    socket.on('data', (chunk) => {
      for (const message of framer.push(chunk)) {
        const type = message[18];
        if (type === 1) socket.write(encodeMessage({ type: 'keepalive' }, DEFAULT_CONTEXT)); // OPEN -> KEEPALIVE (RFC 4271 §8.2.2)
        if (type === 3) return done(new Error(`gobgpd sent a NOTIFICATION ${message.subarray(19).toString('hex')}`));
        if (type === 2) {
          updates.push(Buffer.from(message));
          if (enough(updates)) return done();
        }
      }
    });
  });
}

/** NLRI (rules + malformed) announced so far. */
function nlriCount(updates: Buffer[]): number {
  let count = 0;
  for (const update of updates) {
    const fields = mpFields(update);
    if (isFlowField(fields.reach)) {
      const run = decodeField(fields.buf, fields.reach);
      count += run.rules.length + (run.errors?.length ?? 0);
    }
  }
  return count;
}

describe('FlowSpec UPDATEs from GoBGP', () => {
  let dir = '';
  let daemon: ChildProcess | undefined;
  let updates: Buffer[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rxbgp-flowspec-gobgp-'));
    writeFileSync(join(dir, 'g.toml'), CONFIG);
    daemon = spawn('gobgpd', ['-f', join(dir, 'g.toml'), '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'], { stdio: 'ignore' });
    await waitFor('gobgpd to answer', 20000, () => (gobgp('neighbor').includes(OUR_ADDRESS) ? true : undefined));
    for (const rule of GOBGP_RULES) gobgp('global', 'rib', '-a', rule.family, 'add', ...rule.args);
    updates = await captureUpdates((u) => nlriCount(u) >= GOBGP_RULES.length, 30000);
  }, 60000);

  afterAll(() => {
    if (daemon?.pid) daemon.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (process.env.UPDATE_FIXTURES === '1' && updates.length) {
      writeFileSync(FIXTURE, `[\n${updates.map((u) => `  ${JSON.stringify(u.toString('hex'))}`).join(',\n')}\n]\n`);
    }
  });

  it('reads every rule and action GoBGP sends as GoBGP shows them, and encodes them back to its bytes', () => {
    checkGobgpUpdates(updates);
  });
});
