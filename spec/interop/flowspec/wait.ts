/** Bounded waits on a daemon's view while the raw session is watched: a reset ends the wait at once. */
import { pollUntil } from '../harness/poll';
import type { FlowDaemon } from './flow-daemons';
import type { RawFlowSpeaker } from './raw-flow-speaker';

export function waitForView<T>(what: string, daemon: FlowDaemon, speaker: RawFlowSpeaker, probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  return pollUntil(`${daemon.name} to show ${what}`, probe, {
    timeoutMs,
    intervalMs: 250,
    abort: () => (speaker.closedReason ? `the session went down: ${speaker.closedReason}` : daemon.exited()),
    context: () => `UPDATEs sent: ${speaker.sent.slice(-3).join(' ')}\n--- ${daemon.name} ---\n${daemon.logTail()}`,
  });
}
