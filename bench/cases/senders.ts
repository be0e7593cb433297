/** Starting each kind of sender with the whole run loaded before any session can come up. */
import fs from 'fs';
import path from 'path';
import { BirdDaemon } from '../daemons/bird';
import { GobgpDaemon } from '../daemons/gobgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import { writeMrtTableDump } from '../gen/mrt-table-dump';
import { pollUntil } from '../measure/deadline';
import { NEXT_HOP, type CaseContext, type Speaker } from './case-types';

/**
 * BIRD with the run as static routes. `connect`: BIRD connects to the receiver, starting with its
 * BGP protocol disabled until the statics are in its table (call enableBgp); otherwise it waits for
 * the receiver to connect, which the caller starts only after this returns.
 */
export async function startBirdSender(ctx: CaseContext, routes: Ipv4PrefixRun, connect: boolean): Promise<BirdDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('bird-sender');
  ctx.onCleanup(() => removeTempDir(dir));
  const bird = await BirdDaemon.start(
    'bird-sender',
    dir,
    {
      routerId: sender.routerId,
      local: { address: sender.address, port: sender.port, asn: sender.asn },
      neighbor: { address: receiver.address, port: receiver.port, asn: receiver.asn },
      connect,
      startDisabled: connect,
      role: { kind: 'sender', routes, nextHop: NEXT_HOP },
    },
    ctx.deadline,
  );
  ctx.onCleanup(() => bird.stop());
  const loaded = async () => ((await bird.staticImported()) >= routes.count ? true : undefined);
  await pollUntil(`BIRD sender to load ${routes.count} static routes`, ctx.deadline, loaded, { intervalMs: 200, abort: () => bird.child.exitText() });
  bird.wakeWhileSending();
  return bird;
}

/** BIRD waiting for or connecting to the sender, importing everything. */
export async function startBirdReceiver(ctx: CaseContext, connect: boolean): Promise<BirdDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('bird-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const bird = await BirdDaemon.start(
    'bird-receiver',
    dir,
    {
      routerId: receiver.routerId,
      local: { address: receiver.address, port: receiver.port, asn: receiver.asn },
      neighbor: { address: sender.address, port: sender.port, asn: sender.asn },
      connect,
      startDisabled: false,
      role: { kind: 'receiver' },
    },
    ctx.deadline,
  );
  ctx.onCleanup(() => bird.stop());
  return bird;
}

/** Records past the run in the MRT file (see MrtTableOptions.padding); the count is checked after. */
const MRT_PADDING = 4096;

/** gobgpd waiting for the receiver to connect, its global RIB loaded from an MRT file. */
export async function startGobgpSender(ctx: CaseContext, routes: Ipv4PrefixRun): Promise<GobgpDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('gobgp-sender');
  ctx.onCleanup(() => removeTempDir(dir));
  const gobgp = await GobgpDaemon.start(
    'gobgp-sender',
    dir,
    { ...gobgpSpeaker(sender, ctx.slot.apiPort), neighbor: { address: receiver.address, asn: receiver.asn } },
    ctx.deadline,
  );
  ctx.onCleanup(() => gobgp.stop());
  const mrt = path.join(dir, 'table.mrt');
  writeMrtTableDump(mrt, routes, {
    peer: { collectorId: sender.routerId, peerId: sender.routerId, peerAddress: sender.address, peerAs: sender.asn },
    nextHop: NEXT_HOP,
    timestamp: Math.floor(Date.now() / 1000),
    padding: MRT_PADDING,
  });
  await gobgp.injectMrt(mrt, ctx.deadline.remainingMs());
  let loaded = await gobgp.ribDestinations();
  if (loaded < routes.count) {
    // gobgp 3.10 can lose the last records it streams: send the tail (and the padding) once more.
    ctx.log(`gobgp mrt inject loaded ${loaded} of ${routes.count}; injecting the tail again`);
    const skip = Math.max(0, routes.count - 4 * MRT_PADDING);
    await gobgp.injectMrt(mrt, ctx.deadline.remainingMs(), { count: routes.count + MRT_PADDING - skip, skip });
    loaded = await gobgp.ribDestinations();
  }
  if (loaded !== routes.count) throw new Error(`gobgpd holds ${loaded} routes after mrt inject, expected ${routes.count}`);
  fs.rmSync(mrt);
  return gobgp;
}

/** gobgpd waiting for the sender to connect. */
export async function startGobgpReceiver(ctx: CaseContext): Promise<GobgpDaemon> {
  const { sender, receiver } = ctx.slot;
  const dir = makeTempDir('gobgp-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const gobgp = await GobgpDaemon.start(
    'gobgp-receiver',
    dir,
    { ...gobgpSpeaker(receiver, ctx.slot.apiPort), neighbor: { address: sender.address, asn: sender.asn } },
    ctx.deadline,
  );
  ctx.onCleanup(() => gobgp.stop());
  return gobgp;
}

function gobgpSpeaker(s: Speaker, apiPort: number) {
  return { routerId: s.routerId, asn: s.asn, address: s.address, port: s.port, apiPort };
}
