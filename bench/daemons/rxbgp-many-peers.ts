/**
 * rxbgp as the many-peers receiver, run through its CLI as a user runs it (`node bin/rxbgp run
 * config.json`): its JSON events on stdout read into a per-session tally, its log on stderr
 * watched for the start line and for sessions going down (hold timer expiry is NOTIFICATION 4/0).
 */
import fs from 'fs';
import path from 'path';
import type { ManyPeersEndpoint, ManyPeersLayout } from '../gen/many-peers-layout';
import { rxbgpManyPeersConfig } from '../gen/rxbgp-many-peers-config';
import { pollUntil, type Deadline } from '../measure/deadline';
import { ManyPeersEventReader } from '../measure/many-peers-event-reader';
import { PeerPrefixTally } from '../measure/peer-prefix-tally';
import { PeerSessions } from '../measure/peer-sessions';
import { rxbgpSessionEvents } from '../measure/session-log-lines';
import { REPO_ROOT, RXBGP_BIN } from './rxbgp';
import { TrackedChild } from './tracked-child';

export interface ManyPeersRxbgp {
  readonly child: TrackedChild;
  readonly sessions: PeerSessions;
  readonly tally: PeerPrefixTally;
  readonly reader: ManyPeersEventReader;
}

/** rxbgp logs this once every listener is bound and every neighbor started (lib/daemon/daemon.ts). */
const STARTED_LINE = 'rxbgp started:';

/** Writes the config into `dir`, starts rxbgp (node with `nodeOptions` first) and waits until it listens. */
export async function startManyPeersRxbgp(
  name: string,
  dir: string,
  layout: ManyPeersLayout,
  receiver: ManyPeersEndpoint,
  o: { readonly nodeOptions: readonly string[]; readonly milestones: readonly number[]; readonly deadline: Deadline },
): Promise<ManyPeersRxbgp> {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(rxbgpManyPeersConfig(layout, receiver), null, 2));
  const sessions = new PeerSessions(layout.peers.length, name);
  const tally = new PeerPrefixTally(layout, o.milestones);
  const reader = new ManyPeersEventReader(layout, tally, sessions);
  let started = false;
  const child = new TrackedChild({
    name,
    command: process.execPath,
    args: [...o.nodeOptions, RXBGP_BIN, 'run', file],
    cwd: REPO_ROOT,
    onStdoutLine: (line) => reader.line(line),
    onStderrLine: (line) => {
      if (!started && line.includes(STARTED_LINE)) started = true;
      for (const event of rxbgpSessionEvents(line)) sessions.apply(event, layout.peerIndexOf);
    },
  });
  try {
    await pollUntil(`${name} to listen`, o.deadline, () => (started ? true : undefined), { intervalMs: 50, abort: () => child.exitText() });
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { child, sessions, tally, reader };
}
