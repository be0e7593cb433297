/**
 * The flow-latency chain's floor (issue 12, speed 2): a stand-in for the daemon that does nothing
 * per line but what any sender must. It opens the BGP session to the bench's peer (OPEN,
 * KEEPALIVE; RFC 4271 §8), starts the SAME helper as the flow-latency cases with pipes like
 * rxbgp's (lib/api/process), tells it the session is up (ExaBGP's JSON `state` event), and for the
 * i-th line the helper prints writes UPDATE i, made before the session came up by rxbgp's own
 * send path (`rxbgp encode`'s encodeRouteCommand, one UPDATE per rule), then answers `done`.
 * No parsing, no Adj-RIB-Out, no encoding while timed: what flow-latency-floor measures with it is
 * the pipe, two process wake-ups, loopback TCP and the peer, which no daemon can go below.
 *
 * Run by the bench (bench/cases/flow-latency.ts) as
 *   node dist/bench/micro/flow-floor-sender.js '<json FloorOptions>'
 * and stopped by its PID; it never listens, and it exits when the session or the helper ends.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import { parseCommand } from '../../lib/api/commands/parse-command';
import { encodeRouteCommand } from '../../lib/cli/commands/encode-updates';
import { Framer } from '../../lib/wire/framer';
import { MessageType } from '../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { flowAnnounceLine } from '../gen/flow-rules';
import { captureOpen } from './capture-open';
import { messageType } from './message-split';
import { FLOW_FAMILIES } from './flow-arrival-peer';

export interface FloorOptions {
  readonly local: { readonly address: string; readonly asn: number; readonly routerId: string };
  readonly peer: { readonly address: string; readonly port: number; readonly asn: number };
  /** Rules 0 .. n-1 (bench/gen/flow-rules.ts), in the order the helper writes them. */
  readonly n: number;
  /** The helper's argv. */
  readonly helper: readonly string[];
  /** Written once n lines were answered: FloorTimes, CLOCK_MONOTONIC ns as decimal strings. */
  readonly timesFile: string;
}

/** When the stand-in read each line (its 'data' callback began) and handed its UPDATE to the socket. */
export interface FloorTimes {
  readonly readNs: readonly string[];
  readonly writtenNs: readonly string[];
}

/** UPDATE i announces rule i alone, as rxbgp would send it to this peer. */
export async function floorUpdates(o: Pick<FloorOptions, 'local' | 'peer' | 'n'>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < o.n; i++) {
    const parsed = parseCommand(flowAnnounceLine(i).slice(0, -1));
    if (!parsed.ok) throw new Error(`rule ${i} refused: ${parsed.error}`);
    const frames = await encodeRouteCommand(parsed.command, { asn4: true, localAs: o.local.asn, peerAs: o.peer.asn });
    if (frames.length !== 1) throw new Error(`rule ${i} made ${frames.length} UPDATEs, not 1`);
    out.push(frames[0]!);
  }
  return out;
}

function upEvent(o: FloorOptions): string {
  const neighbor = { address: { local: o.local.address, peer: o.peer.address }, asn: { local: o.local.asn, peer: o.peer.asn }, state: 'up' };
  return `${JSON.stringify({ exabgp: '4.0.1', time: Date.now() / 1000, host: 'floor', pid: process.pid, ppid: process.ppid, counter: 1, type: 'state', neighbor })}\n`;
}

async function main(o: FloorOptions): Promise<void> {
  const updates = await floorUpdates(o);
  const done = Buffer.from('done\n');
  const socket = net.connect({ host: o.peer.address, port: o.peer.port, localAddress: o.local.address });
  socket.setNoDelay(true);
  const framer = new Framer();
  let state: 'open-sent' | 'open-confirm' | 'established' = 'open-sent';
  let next = 0;
  let carry = '';
  const readNs: bigint[] = [];
  const writtenNs: bigint[] = [];
  const quit = (why: string, code: number) => {
    process.stderr.write(`flow-floor-sender: ${why}\n`);
    process.exit(code);
  };
  const startHelper = () => {
    const helper = spawn(o.helper[0]!, o.helper.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    helper.on('exit', () => process.stdout.write(`helper exited after ${next} lines\n`));
    helper.stdin!.on('error', () => undefined);
    helper.stdout!.on('data', (chunk: Buffer) => {
      const readAt = process.hrtime.bigint();
      // One helper line: its UPDATE first, then the ack. Nothing else happens per line.
      const text = carry + chunk.toString('latin1');
      let start = 0;
      let nl = text.indexOf('\n');
      while (nl >= 0) {
        const u = updates[next++];
        if (u) {
          readNs.push(readAt);
          writtenNs.push(process.hrtime.bigint());
          socket.write(u);
        }
        helper.stdin!.write(done);
        if (next === o.n) fs.writeFileSync(o.timesFile, JSON.stringify({ readNs: readNs.map(String), writtenNs: writtenNs.map(String) } satisfies FloorTimes));
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      carry = text.slice(start);
    });
    helper.stdin!.write(upEvent(o));
  };
  socket.on('connect', () => socket.write(captureOpen({ asn: o.local.asn, routerId: o.local.routerId }, FLOW_FAMILIES)));
  socket.on('data', (chunk: Buffer) => {
    for (const m of framer.push(chunk)) {
      const type = messageType(m);
      if (type === MessageType.NOTIFICATION) quit('the peer sent a NOTIFICATION', 1);
      if (state === 'open-sent' && type === MessageType.OPEN) {
        socket.write(KEEPALIVE_BYTES);
        state = 'open-confirm';
        setInterval(() => socket.write(KEEPALIVE_BYTES), 30_000).unref();
      } else if (state === 'open-confirm' && type === MessageType.KEEPALIVE) {
        state = 'established';
        process.stdout.write('session established\n');
        startHelper();
      }
    }
  });
  socket.on('error', (err) => quit(`session: ${err.message}`, 1));
  socket.on('close', () => quit('session closed', 0));
}

if (require.main === module) {
  main(JSON.parse(process.argv[2] ?? '') as FloorOptions).catch((err: unknown) => {
    process.stderr.write(`flow-floor-sender: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
