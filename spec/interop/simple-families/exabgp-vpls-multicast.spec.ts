/**
 * VPLS ("l2vpn vpls", RFC 4761) and IPv4 multicast ("ipv4 multicast", RFC 4760) between rxbgp
 * (bin/rxbgp, from dist/) and a real ExaBGP 4.2 (Debian's), both directions on one iBGP session, in
 * ExaBGP's own command grammar on both sides:
 * - ExaBGP's helper sends `announce vpls rd ... endpoint ... base ... offset ... size ... next-hop ...`
 *   and `announce route 232.x.x.x/24 ...` (multicast by its prefix) and rxbgp prints each in its
 *   JSON event as ExaBGP would; then their withdrawals. ExaBGP 4.2 sends that multicast route in the
 *   classic NLRI field, which makes it IPv4 unicast on the wire (see the test);
 * - rxbgp cli sends the same kinds of lines and ExaBGP's own JSON events (what the peer reports)
 *   hold them, then their withdrawals.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Child } from '../harness/child';
import { parseEventLine, type ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const EXABGP = { address: '127.0.104.31', port: 17931, asn: 65031, routerId: '192.0.2.131', neighbor: '127.0.104.32' };
const HELPER = path.join(__dirname, '..', 'peers', 'exabgp-api-helper.py');
const TIMEOUT_MS = 20000;

function exabgpConfig(events: string, commands: string): string {
  return `process interop {
  run /usr/bin/python3 ${HELPER} ${events} ${commands};
  encoder json;
}
neighbor ${EXABGP.neighbor} {
  router-id ${EXABGP.routerId};
  local-address ${EXABGP.address};
  local-as ${EXABGP.asn};
  peer-as ${EXABGP.asn};
  passive true;
  family { ipv4 multicast; l2vpn vpls; }
  api { processes [ interop ]; neighbor-changes; receive { parsed; update; } }
}
`;
}

type Update = { announce?: Record<string, Record<string, unknown[]>>; withdraw?: Record<string, unknown[]> };
const updateOf = (e: ExaEvent): Update | undefined => (e.neighbor as { message?: { update?: Update } }).message?.update;

/** Every item announced (by next hop) or withdrawn for a family, over a list of events. */
function announced(events: readonly ExaEvent[], family: string): Array<{ nextHop: string; item: unknown }> {
  return events.flatMap((e) => Object.entries(updateOf(e)?.announce?.[family] ?? {}).flatMap(([nextHop, list]) => list.map((item) => ({ nextHop, item }))));
}
function withdrawn(events: readonly ExaEvent[], family: string): unknown[] {
  return events.flatMap((e) => updateOf(e)?.withdraw?.[family] ?? []);
}

const VPLS_ITEM = { rd: '192.0.2.131:7', endpoint: 5, base: 10702, offset: 1, size: 8 };
const VPLS_WORDS = 'rd 192.0.2.131:7 endpoint 5 base 10702 offset 1 size 8';
const OUR_VPLS_ITEM = { rd: '65032:9', endpoint: 2, base: 800000, offset: 0, size: 10 };
const OUR_VPLS_WORDS = 'rd 65032:9 endpoint 2 base 800000 offset 0 size 10';

describe('VPLS and IPv4 multicast between rxbgp and ExaBGP 4.2', () => {
  let dir = '';
  let events = '';
  let commands = '';
  let exabgp: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  /** ExaBGP's own JSON events so far (what it reports it received). */
  const exabgpEvents = (): ExaEvent[] =>
    fs.existsSync(events)
      ? fs
          .readFileSync(events, 'utf8')
          .split('\n')
          .map((l) => (l.startsWith('{') ? parseEventLine(l) : undefined))
          .filter((e): e is ExaEvent => e !== undefined)
      : [];
  const acks = (): string[] => (fs.existsSync(events) ? fs.readFileSync(events, 'utf8').split('\n').filter((l) => l === 'done' || l === 'error') : []);

  beforeAll(async () => {
    dir = makeTempDir('vpls-exabgp');
    events = path.join(dir, 'events.jsonl');
    commands = path.join(dir, 'commands.txt');
    fs.writeFileSync(commands, '');
    const config = path.join(dir, 'exabgp.conf');
    fs.writeFileSync(config, exabgpConfig(events, commands));
    exabgp = new Child({
      name: 'exabgp',
      command: 'exabgp',
      args: ['--env', '/dev/null', config],
      env: {
        ...process.env,
        'exabgp.tcp.bind': EXABGP.address,
        'exabgp.tcp.port': String(EXABGP.port),
        'exabgp.daemon.user': os.userInfo().username,
        'exabgp.daemon.drop': 'false',
        'exabgp.daemon.daemonize': 'false',
        'exabgp.api.cli': 'false',
        'exabgp.log.destination': 'stdout',
      },
    });
    await pollUntil('exabgp to start its API helper', () => (fs.existsSync(events) ? true : undefined), { timeoutMs: 15000, context: () => exabgp!.lastLines() });
    rx = await RxbgpFlowSender.start(EXABGP, '192.0.2.132', { families: ['ipv4 multicast', 'l2vpn vpls'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await exabgp?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- exabgp ---\n${exabgp!.lastLines()}` });

  /** Has ExaBGP's helper send these lines; waits for ExaBGP's `done` for each. */
  async function exabgpSays(lines: readonly string[]): Promise<void> {
    const before = acks().length;
    fs.appendFileSync(commands, lines.map((l) => `${l}\n`).join(''));
    const got = await waitFor(`exabgp to acknowledge ${lines.length} command(s)`, () => (acks().length >= before + lines.length ? acks().slice(before) : undefined));
    expect(got).toEqual(lines.map(() => 'done'));
  }

  it("rxbgp prints ExaBGP's VPLS and multicast routes as ExaBGP's own JSON does", async () => {
    await waitFor('the session up on both sides', () => (exabgpEvents().some((e) => (e.neighbor as { state?: string }).state === 'up') ? true : undefined));
    await exabgpSays([`announce vpls ${VPLS_WORDS} next-hop 198.51.100.31 extended-community [ target:65031:6 ]`, 'announce route 232.31.1.0/24 next-hop 198.51.100.31']);
    const vpls = await waitFor("rxbgp to print ExaBGP's vpls route", () => announced(rx!.rxbgp.events, 'l2vpn vpls')[0]);
    expect(vpls).toEqual({ nextHop: '198.51.100.31', item: VPLS_ITEM });
    // ExaBGP 4.2 puts an IPv4 multicast route with an IPv4 next hop in the classic NLRI field
    // (bgp/message/update/__init__.py messages(): SAFI unicast or multicast), where RFC 4271 / 4760
    // make it IPv4 unicast: rxbgp reports what is on the wire, as ExaBGP itself would decode it.
    const multicast = await waitFor("rxbgp to print ExaBGP's 232.31.1.0/24", () => announced(rx!.rxbgp.events, 'ipv4 unicast')[0]);
    expect(multicast).toEqual({ nextHop: '198.51.100.31', item: { nlri: '232.31.1.0/24' } });
    expect(announced(rx!.rxbgp.events, 'ipv4 multicast')).toEqual([]);
  });

  it('rxbgp prints their withdrawals', async () => {
    await exabgpSays([`withdraw vpls ${VPLS_WORDS} next-hop 198.51.100.31`, 'withdraw route 232.31.1.0/24 next-hop 198.51.100.31']);
    expect(await waitFor('rxbgp to print the vpls withdrawal', () => withdrawn(rx!.rxbgp.events, 'l2vpn vpls')[0])).toEqual(VPLS_ITEM);
    expect(await waitFor('rxbgp to print the 232.31.1.0/24 withdrawal', () => withdrawn(rx!.rxbgp.events, 'ipv4 unicast')[0])).toEqual({ nlri: '232.31.1.0/24' });
  });

  it('ExaBGP reports the VPLS and multicast routes rxbgp cli announces', async () => {
    expect(await rx!.cliEach([`announce vpls ${OUR_VPLS_WORDS} next-hop 198.51.100.32 extended-community [ target:65032:6 ]`, 'announce route 232.32.1.0/24 next-hop 198.51.100.32'])).toEqual([]);
    expect(await waitFor('exabgp to report the vpls route', () => announced(exabgpEvents(), 'l2vpn vpls')[0])).toEqual({ nextHop: '198.51.100.32', item: OUR_VPLS_ITEM });
    expect(await waitFor('exabgp to report the multicast route', () => announced(exabgpEvents(), 'ipv4 multicast')[0])).toEqual({ nextHop: '198.51.100.32', item: { nlri: '232.32.1.0/24' } });
    const attributes = exabgpEvents().map((e) => (updateOf(e) as { attribute?: { 'extended-community'?: Array<{ string: string }> } } | undefined)?.attribute).find((a) => a?.['extended-community']);
    expect(attributes?.['extended-community']?.map((c) => c.string)).toEqual(['target:65032:6']);
  });

  it('ExaBGP reports their withdrawals, the session still up', async () => {
    expect(await rx!.cliEach([`withdraw vpls ${OUR_VPLS_WORDS}`, 'withdraw route 232.32.1.0/24'])).toEqual([]);
    expect(await waitFor('exabgp to report the vpls withdrawal', () => withdrawn(exabgpEvents(), 'l2vpn vpls')[0])).toEqual(OUR_VPLS_ITEM);
    expect(await waitFor('exabgp to report the multicast withdrawal', () => withdrawn(exabgpEvents(), 'ipv4 multicast')[0])).toEqual({ nlri: '232.32.1.0/24' });
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
