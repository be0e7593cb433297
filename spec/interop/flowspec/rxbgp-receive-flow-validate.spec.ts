/**
 * FlowSpec validation on receive (RFC 8955 §6, revised by RFC 9117) end to end, through the
 * `rxbgp run` CLI, with two real GoBGP neighbors over eBGP: A (AS 65026) and B (AS 65027). B
 * announces the unicast route for 10.25.0.0/24; A announces a FlowSpec rule for that destination.
 * With `"flowspec": { "validate": true }` on A the rule is held (not in any event), since the
 * destination's best unicast route comes from B; a reload that turns validation off reports it,
 * one that turns it on again withdraws it, both without a session reset; and once A announces the
 * unicast route too (a tie that A's lower address wins) the rule is reported.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import type { ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { Rxbgp, type RxbgpConfig } from '../rxbgp';
import { flowRuleStrings } from './received-flow-events';
import { gobgpFlowToml } from './flow-daemons';

const RX = { address: '127.0.0.25', asn: 65025 };
const A = { name: 'gobgp A', address: '127.0.0.26', port: 1792, asn: 65026, api: '127.0.0.26:1795' };
const B = { name: 'gobgp B', address: '127.0.0.27', port: 1792, asn: 65027, api: '127.0.0.27:1795' };
const TIMEOUT_MS = 20000;

const DESTINATION = '10.25.0.0/24';
const RULE = 'flow destination-ipv4 10.25.0.0/24 protocol =udp';

type Peer = typeof A;

/** gobgpd over eBGP with rxbgp as its only neighbor, IPv4 unicast and IPv4 FlowSpec, listening only. */
function gobgpToml(p: Peer): string {
  return gobgpFlowToml({ address: p.address, port: p.port, asn: p.asn, routerId: p.address, neighbor: RX.address, neighborAs: RX.asn }, ['ipv4-unicast', 'ipv4-flowspec']);
}

class Gobgp {
  readonly child: Child;
  constructor(
    readonly peer: Peer,
    readonly dir: string,
  ) {
    const file = path.join(dir, `${peer.address}.toml`);
    fs.writeFileSync(file, gobgpToml(peer));
    this.child = new Child({ name: peer.name, command: 'gobgpd', args: ['-f', file, '--api-hosts', peer.api, '--pprof-disable'] });
  }

  cli(...args: string[]): Promise<string> {
    const [host, port] = this.peer.api.split(':');
    return runChecked('gobgp', ['-u', host, '-p', port, ...args], 10000);
  }

  async ready(): Promise<this> {
    const [host, port] = this.peer.api.split(':');
    await pollUntil(`${this.peer.name} to answer its CLI`, async () => ((await runCommand('gobgp', ['-u', host, '-p', port, 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: TIMEOUT_MS,
      context: () => this.child.lastLines(),
      abort: () => (this.child.exit ? `${this.peer.name} exited` : undefined),
    });
    return this;
  }
}

function config(validate: boolean): RxbgpConfig {
  const neighbor = (p: Peer, flowspec?: object) => ({
    description: p.name,
    peerAddress: p.address,
    peerPort: p.port,
    localAddress: RX.address,
    localAs: RX.asn,
    peerAs: p.asn,
    routerId: RX.address,
    connectRetry: 1,
    families: ['ipv4 unicast', 'ipv4 flow'],
    ...(flowspec ? { flowspec } : {}),
  });
  return { neighbors: [neighbor(A, { validate }), neighbor(B)] } as unknown as RxbgpConfig;
}

const from = (p: Peer) => (e: ExaEvent) => e.neighbor.address?.peer === p.address;
const announcesRule = (e: ExaEvent) => from(A)(e) && flowRuleStrings(e, 'announce').includes(RULE);
const withdrawsRule = (e: ExaEvent) => from(A)(e) && flowRuleStrings(e, 'withdraw').includes(RULE);
const announcesPrefix = (p: Peer, prefix: string) => (e: ExaEvent) => from(p)(e) && JSON.stringify(e.neighbor.message?.update?.announce ?? {}).includes(`"${prefix}"`);

describe('rxbgp validates FlowSpec rules from GoBGP (RFC 8955 §6)', () => {
  let dir: string;
  let a: Gobgp;
  let b: Gobgp;
  let rxbgp: Rxbgp;

  beforeAll(async () => {
    dir = makeTempDir('flow-validate');
    a = new Gobgp(A, dir);
    b = new Gobgp(B, dir);
    await a.ready();
    await b.ready();
    rxbgp = Rxbgp.start(config(true));
    for (const p of [A, B]) await rxbgp.waitForEvent(`the session with ${p.name} up`, (e) => from(p)(e) && e.type === 'state' && e.neighbor.state === 'up', TIMEOUT_MS);
  }, 60000);

  afterAll(async () => {
    await rxbgp?.dispose();
    await a?.child.stop();
    await b?.child.stop();
    if (dir) removeTempDir(dir);
  }, 30000);

  it('holds a rule from A whose destination is routed through B', async () => {
    await b.cli('global', 'rib', '-a', 'ipv4', 'add', DESTINATION);
    await rxbgp.waitForEvent(`B's route for ${DESTINATION}`, announcesPrefix(B, DESTINATION), TIMEOUT_MS);
    await a.cli('global', 'rib', '-a', 'ipv4-flowspec', 'add', 'match', 'destination', DESTINATION, 'protocol', 'udp', 'then', 'discard');
    await pollUntil('rxbgp to log the rule held', () => (rxbgp.diagnostics().includes(`${RULE}: the best unicast route for ${DESTINATION} comes from ${B.name}`) ? true : undefined), {
      timeoutMs: TIMEOUT_MS,
      context: () => rxbgp.diagnostics(),
      abort: () => rxbgp.exitText(),
    });
    // Events go out in the order rxbgp decides them: once B's next route is printed, the rule would have been.
    await b.cli('global', 'rib', '-a', 'ipv4', 'add', '10.27.1.0/24');
    await rxbgp.waitForEvent("B's marker route", announcesPrefix(B, '10.27.1.0/24'), TIMEOUT_MS);
    expect(rxbgp.events.filter(announcesRule)).toEqual([]);
  });

  it('reports it when a reload turns validation off, and withdraws it when one turns it on, without a reset', async () => {
    rxbgp.reload(config(false));
    await rxbgp.waitForEvent('the rule announced (validation off)', announcesRule, TIMEOUT_MS);
    rxbgp.reload(config(true));
    await rxbgp.waitForEvent('the rule withdrawn (validation on)', withdrawsRule, TIMEOUT_MS);
    expect(rxbgp.events.filter((e) => e.type === 'state' && e.neighbor.state === 'down')).toEqual([]);
  });

  it('reports it once A announces the unicast route for its destination', async () => {
    const before = rxbgp.events.filter(announcesRule).length;
    await a.cli('global', 'rib', '-a', 'ipv4', 'add', DESTINATION);
    await rxbgp.waitForEvent(`A's route for ${DESTINATION}`, announcesPrefix(A, DESTINATION), TIMEOUT_MS);
    await pollUntil('the rule announced again', () => (rxbgp.events.filter(announcesRule).length > before ? true : undefined), {
      timeoutMs: TIMEOUT_MS,
      context: () => rxbgp.diagnostics(),
      abort: () => rxbgp.exitText(),
    });
    const last = rxbgp.events.filter(announcesRule).pop()!;
    // The rule's own attributes: GoBGP's AS first in the path, its discard action.
    expect(JSON.stringify(last.neighbor.message?.update?.attribute)).toContain('65026');
  });
});
