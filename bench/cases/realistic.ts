/**
 * Target 5: a realistic full table (1.05 M IPv4 + 0.24 M IPv6 prefixes on ~310 k attribute sets,
 * bench/gen/realistic-table.ts) in both directions against BIRD:
 *   realistic-emit       rxbgp → BIRD, rxbgp loading the table from an MRT file (`mrtRoutes`)
 *   realistic-ingest     BIRD → rxbgp, counted from rxbgp's JSON events on stdout
 *   realistic-bird-bird  BIRD → BIRD, the reference row of both groups
 * The sending BIRD learns the table from the bench's feeder over iBGP before its measured session
 * is enabled. N is the table's size (default the full table; --n scales it down, same v4:v6 mix).
 * Timed from the receiver's Established until it holds every prefix of both families.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { BgpFeeder } from '../daemons/bgp-feeder';
import { BirdDaemon } from '../daemons/bird';
import { REPO_ROOT, RXBGP_BIN, rxbgpConfig, type RxbgpNeighborConfig, rxbgpSession, startRxbgp } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { BIRD_BGP_PROTOCOL } from '../gen/bird-config';
import { parseDottedQuad } from '../gen/prefix-run';
import { BIRD_FEED_PROTOCOL, realisticBirdReceiverConfig, realisticBirdSenderConfig } from '../gen/realistic-bird-config';
import { writeRealisticMrt } from '../gen/realistic-mrt';
import { describeTable } from '../gen/realistic-summary';
import { DEFAULT_SEED, FULL_TABLE_PREFIXES, generateRealisticTable, splitCount, type RealisticTable } from '../gen/realistic-table';
import { tableUpdates } from '../gen/realistic-updates';
import { ipv6Bytes } from '../gen/realistic-wire';
import { routeCountsByTable, sumImportedRoutes } from '../measure/bird-channel-counts';
import { pollUntil } from '../measure/deadline';
import { attributeDifference, expectedAttributes, fromPathAttributes, parseBirdRouteAll, samplePrefixes } from '../measure/route-attributes';
import { TableTally } from '../measure/table-tally';
import { measureTransfer, type ReceiverProbe } from '../measure/transfer';
import { NEXT_HOP, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { processOf, type CheckOutcome } from './receivers';
import { startTableCounter, type TableCounterResult } from './table-counter-receiver';

/** IPv6 next hop of every route (RFC 3849 documentation space, outside the generated prefixes). */
export const IPV6_NEXT_HOP = '2001:db8::1';
const FAMILIES = ['ipv4 unicast', 'ipv6 unicast'];
/** The feeder's BGP Identifier: any value other than the sender's own. */
const FEEDER_ROUTER_ID = '192.0.2.254';
const BIRD_POLL = { minMs: 50, maxMs: 50 };

/** The table of N prefixes (the full table by default), and the check lines that describe it. */
function tableFor(ctx: CaseContext): RealisticTable {
  const { ipv4, ipv6 } = splitCount(ctx.n);
  const started = performance.now();
  const table = generateRealisticTable({ seed: DEFAULT_SEED, ipv4Count: ipv4, ipv6Count: ipv6 });
  ctx.log(`generated ${ipv4} IPv4 + ${ipv6} IPv6 prefixes on ${table.setCount} attribute sets in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return table;
}

/** Where the feeder connects from: a loopback address of its own beside the sender's. */
export function feederAddress(senderAddress: string): string {
  return `127.0.77.${senderAddress.split('.')[3]}`;
}

/** BIRD holding the table (learnt from the feeder), its measured session enabled once it has all of it. */
async function startBirdTableSender(ctx: CaseContext, table: RealisticTable, connect: boolean): Promise<BirdDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('bird-sender');
  ctx.onCleanup(() => removeTempDir(dir));
  const feedFrom = feederAddress(sender.address);
  const config = realisticBirdSenderConfig({
    routerId: sender.routerId,
    local: { address: sender.address, port: sender.port, asn: sender.asn },
    neighbor: { address: receiver.address, port: receiver.port, asn: receiver.asn },
    feederAddress: feedFrom,
    connect,
    ipv4NextHop: NEXT_HOP,
    ipv6NextHop: IPV6_NEXT_HOP,
  });
  const bird = await BirdDaemon.startWith('bird-sender', dir, (file) => fs.writeFileSync(file, config), ctx.deadline);
  ctx.onCleanup(() => bird.stop());
  const feeder = await BgpFeeder.connect(
    { host: sender.address, port: sender.port, localAddress: feedFrom, asn: sender.asn, routerId: FEEDER_ROUTER_ID },
    ctx.deadline,
  );
  ctx.onCleanup(() => feeder.close());
  await feeder.send(tableUpdates(table, { ipv4NextHop: parseDottedQuad(NEXT_HOP)!, ipv6NextHop: ipv6Bytes(IPV6_NEXT_HOP) }), ctx.deadline);
  const learnt = async () => ((sumImportedRoutes(await bird.command(`show protocols all ${BIRD_FEED_PROTOCOL}`)) ?? 0) >= table.count ? true : undefined);
  await pollUntil(`BIRD sender to learn ${table.count} routes from the feeder`, ctx.deadline, learnt, {
    intervalMs: 200,
    abort: () => bird.child.exitText() ?? feeder.failure?.message,
  });
  bird.wakeWhileSending();
  await bird.enableBgp();
  return bird;
}

async function startBirdTableReceiver(ctx: CaseContext, connect: boolean): Promise<BirdDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('bird-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const config = realisticBirdReceiverConfig({
    routerId: receiver.routerId,
    local: { address: receiver.address, port: receiver.port, asn: receiver.asn },
    neighbor: { address: sender.address, port: sender.port, asn: sender.asn },
    connect,
  });
  const bird = await BirdDaemon.startWith('bird-receiver', dir, (file) => fs.writeFileSync(file, config), ctx.deadline);
  ctx.onCleanup(() => bird.stop());
  return bird;
}

/** BIRD's imports over both channels: two counters read in one control-socket answer. */
function birdTableReceiver(bird: BirdDaemon): ReceiverProbe {
  return {
    process: processOf(bird.child),
    session: bird.session,
    count: async () => sumImportedRoutes(await bird.command(`show protocols all ${BIRD_BGP_PROTOCOL}`)) ?? 0,
    poll: BIRD_POLL,
  };
}

/** BIRD's tables hold each family's count, and the sampled prefixes carry the generated attributes. */
async function checkBirdHoldsTable(bird: BirdDaemon, table: RealisticTable, senderAs: number): Promise<CheckOutcome> {
  const out: CheckOutcome = { checks: [], problems: [] };
  const counts = routeCountsByTable(await bird.command(`show route count protocol ${BIRD_BGP_PROTOCOL}`));
  const ipv4 = counts.get('master4') ?? 0;
  const ipv6 = counts.get('master6') ?? 0;
  const line = `BIRD holds ${ipv4} IPv4 + ${ipv6} IPv6 routes (expected ${table.ipv4Count} + ${table.ipv6Count})`;
  (ipv4 === table.ipv4Count && ipv6 === table.ipv6Count ? out.checks : out.problems).push(line);
  const samples = samplePrefixes(table);
  for (const i of samples) {
    const prefix = table.prefixText(i);
    const got = parseBirdRouteAll(await bird.command(`show route ${prefix} protocol ${BIRD_BGP_PROTOCOL} all`));
    if (!got) out.problems.push(`BIRD lacks ${prefix}`);
    else {
      const diff = attributeDifference(expectedAttributes(table, i, senderAs), got);
      if (diff) out.problems.push(`BIRD's ${prefix}: ${diff}`);
    }
  }
  if (out.problems.length === 0) out.checks.push(`${samples.length} sampled prefixes (both families) carry the generated AS path, origin, MED and communities`);
  return out;
}

/** The Adj-RIB-In of the consumer (table-counter.ts) held exactly the table, and the sampled prefixes the generated attributes. */
function checkTableCounter(result: TableCounterResult, table: RealisticTable, senderAs: number, samples: readonly number[]): CheckOutcome {
  const out: CheckOutcome = { checks: [], problems: [] };
  const { stats } = result;
  if (!stats) {
    out.problems.push('the consumer printed no final counts');
    return out;
  }
  const tally = new TableTally(table, []);
  for (const line of fs.existsSync(result.dumpFile) ? fs.readFileSync(result.dumpFile, 'utf8').split('\n') : []) {
    if (line !== '') tally.announce(line.includes(':'), line);
  }
  const family = (name: string, c: TableTally['ipv4'], expected: number) =>
    `${name} ${c.distinct} of ${expected} (${c.announcedEntries} held, ${c.unexpected} unexpected)`;
  const summary = `rxbgp Adj-RIB-In: ${family('IPv4', tally.ipv4, table.ipv4Count)}; ${family('IPv6', tally.ipv6, table.ipv6Count)}, in ${stats.attributeSets} attribute sets`;
  (tally.matchesTable() ? out.checks : out.problems).push(summary);
  const events =
    `consumer: ${stats.ipv4Entries} IPv4 + ${stats.ipv6Entries} IPv6 prefixes in ${stats.updates} update events, ` +
    `${stats.withdrawn} withdrawn, ${stats.otherFamilies} lists of other families`;
  const exactEvents = stats.ipv4Entries === table.ipv4Count && stats.ipv6Entries === table.ipv6Count && stats.withdrawn === 0 && stats.otherFamilies === 0;
  (exactEvents ? out.checks : out.problems).push(events);
  if (tally.matchesTable() && exactEvents) out.checks.push('the events and the Adj-RIB-In both hold exactly the generated table');
  for (const i of samples) {
    const prefix = table.prefixText(i);
    const got = fromPathAttributes(result.samples.get(prefix));
    if (!got) {
      out.problems.push(`rxbgp's Adj-RIB-In lacks ${prefix}`);
      continue;
    }
    const diff = attributeDifference(expectedAttributes(table, i, senderAs), got);
    if (diff) out.problems.push(`rxbgp's ${prefix}: ${diff}`);
  }
  if (out.problems.length === 0) out.checks.push(`${samples.length} sampled prefixes (both families) carry the generated AS path, origin, MED and communities`);
  return out;
}

/**
 * `rxbgp validate` on the config first, so a build without `mrtRoutes` fails here with its own
 * message instead of as a session that never comes up.
 */
function validateRxbgpConfig(dir: string, c: RxbgpNeighborConfig): void {
  const file = path.join(dir, 'validate.json');
  fs.writeFileSync(file, JSON.stringify(rxbgpConfig(c), null, 2));
  const r = spawnSync(process.execPath, [RXBGP_BIN, 'validate', file], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(0, 3).join('; ');
    throw new Error(`rxbgp rejects the config with mrtRoutes: ${why || `exit ${r.status}`}`);
  }
}

export const realisticEmitCase: BenchCase = {
  name: 'realistic-emit',
  groups: ['realistic-emit'],
  sender: 'rxbgp',
  receiver: 'BIRD',
  summary: 'rxbgp announces a realistic full table (IPv4 + IPv6, ~310 k attribute sets) from an MRT file to BIRD',
  needs: ['bird', 'rxbgp'],
  defaultN: FULL_TABLE_PREFIXES,
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const table = tableFor(ctx);
    const { sender, receiver } = ctx.slot;
    const dir = makeTempDir('rxbgp-sender');
    ctx.onCleanup(() => removeTempDir(dir));
    const mrt = path.join(dir, 'table.mrt');
    const written = writeRealisticMrt(mrt, table, {
      peer: { collectorId: sender.routerId, peerId: sender.routerId, peerAddress: sender.address, peerAs: sender.asn },
      ipv4NextHop: NEXT_HOP,
      ipv6NextHop: IPV6_NEXT_HOP,
      timestamp: Math.floor(Date.now() / 1000),
    });
    ctx.log(`MRT file: ${written.records} records, ${(written.bytes / 2 ** 20).toFixed(1)} MB`);
    const config: RxbgpNeighborConfig = {
      ...rxbgpSession(sender, receiver),
      families: FAMILIES,
      // The file's own next hops (NEXT_HOP, IPv6 in MP_REACH_NLRI): "self" has no IPv6 form on an IPv4 session.
      mrtRoutes: [{ file: mrt }],
      events: 'none',
    };
    validateRxbgpConfig(dir, config);
    const bird = await startBirdTableReceiver(ctx, false);
    const rxbgp = startRxbgp('rxbgp-sender', dir, config, ctx.rxbgpNodeOptions);
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log('BIRD receiver listening, rxbgp started');
    const measurement = await measureTransfer(processOf(rxbgp), birdTableReceiver(bird), table.count, ctx.deadline, ctx.log);
    const held = measurement.outcome === 'done' ? await checkBirdHoldsTable(bird, table, sender.asn) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks: [...describeTable(table), ...held.checks], problems: held.problems };
  },
};

export const realisticIngestCase: BenchCase = {
  name: 'realistic-ingest',
  groups: ['realistic-ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp',
  summary: 'BIRD sends a realistic full table (IPv4 + IPv6) to rxbgp, whose Adj-RIB-In and an in-process event consumer count it',
  needs: ['bird', 'rxbgp'],
  defaultN: FULL_TABLE_PREFIXES,
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const table = tableFor(ctx);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdTableSender(ctx, table, false);
    const dir = makeTempDir('rxbgp-receiver');
    ctx.onCleanup(() => removeTempDir(dir));
    const file = path.join(dir, 'rxbgp-receiver.json');
    const config: RxbgpNeighborConfig = {
      ...rxbgpSession(receiver, sender),
      families: FAMILIES,
      events: 'none',
    };
    fs.writeFileSync(file, JSON.stringify(rxbgpConfig(config), null, 2));
    const samples = samplePrefixes(table);
    const consumer = startTableCounter(ctx, file, table.count, path.join(dir, 'rib-in.txt'), samples.map((i) => table.prefixText(i)));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender holds ${table.count} routes, rxbgp started`);
    const measurement = await measureTransfer(processOf(bird.child), consumer.probe, table.count, ctx.deadline, ctx.log);
    await consumer.child.stop();
    const { checks, problems } = checkTableCounter(consumer.result, table, sender.asn, samples);
    return { setupSeconds, measurement, checks: [...describeTable(table), ...checks], problems };
  },
};

export const realisticBirdBirdCase: BenchCase = {
  name: 'realistic-bird-bird',
  groups: ['realistic-emit', 'realistic-ingest'],
  sender: 'BIRD',
  receiver: 'BIRD',
  summary: 'BIRD sends a realistic full table (IPv4 + IPv6) to BIRD (reference)',
  needs: ['bird'],
  defaultN: FULL_TABLE_PREFIXES,
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const table = tableFor(ctx);
    const sender = await startBirdTableSender(ctx, table, false);
    const receiver = await startBirdTableReceiver(ctx, true);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender holds ${table.count} routes, BIRD receiver connecting`);
    const measurement = await measureTransfer(processOf(sender.child), birdTableReceiver(receiver), table.count, ctx.deadline, ctx.log);
    const held = measurement.outcome === 'done' ? await checkBirdHoldsTable(receiver, table, ctx.slot.sender.asn) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks: [...describeTable(table), ...held.checks], problems: held.problems };
  },
};
