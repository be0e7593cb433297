/**
 * What the many-peers cases report beside the transfer: how many sessions came up, whether any
 * went down or had its hold timer expire (on the receiver or the sender), and which sessions
 * delivered fewer prefixes than their share.
 */
import type { Figure } from '../cases/case-types';
import type { ManyPeersLayout } from '../gen/many-peers-layout';
import type { PeerSessions } from './peer-sessions';

export interface ManyPeersOutcome {
  readonly figures: Figure[];
  readonly checks: string[];
  readonly problems: string[];
}

/** Sessions listed by number in a problem line before "and N more". */
const LISTED = 10;

/** "session 7 (127.0.4.7): 9,990 of 10,000" for each session that delivered another count than its share. */
export function sessionShortfalls(layout: ManyPeersLayout, held: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (const p of layout.peers) {
    const got = held[p.index] ?? 0;
    if (got !== p.count) out.push(`session ${p.index + 1} (${p.address}): ${got.toLocaleString('en')} of ${p.count.toLocaleString('en')}`);
  }
  return out;
}

function sessions(n: number): string {
  return `${n} session${n === 1 ? '' : 's'}`;
}

/** "10,000", or "1,000–1,001" when N is not a multiple of the peer count. */
function shareText(layout: ManyPeersLayout): string {
  const counts = layout.peers.map((p) => p.count);
  const [low, high] = [Math.min(...counts), Math.max(...counts)];
  return low === high ? low.toLocaleString('en') : `${low.toLocaleString('en')}–${high.toLocaleString('en')}`;
}

/** Peer numbers (1-based), the first few, for a problem line. */
function listPeers(peers: Iterable<number>): string {
  const sorted = [...peers].sort((a, b) => a - b).map((p) => p + 1);
  const shown = sorted.slice(0, LISTED).join(', ');
  return sorted.length > LISTED ? `${shown} and ${sorted.length - LISTED} more` : shown;
}

/**
 * Figures and checks from both sides' sessions and the per-session counts (held: by peer index,
 * undefined when they could not be read).
 */
export function manyPeersOutcome(
  layout: ManyPeersLayout,
  receiver: PeerSessions,
  sender: PeerSessions,
  held: ArrayLike<number> | undefined,
  quietSeconds: number,
): ManyPeersOutcome {
  const peers = layout.peers.length;
  const expired = new Set([...receiver.holdTimerExpired, ...sender.holdTimerExpired]);
  const dropped = new Set([...receiver.dropped.keys(), ...sender.dropped.keys()]);
  const firstUp = receiver.first.upAt;
  const lastUp = receiver.lastUpAt;
  const figures: Figure[] = [
    { name: 'hold-timer expiries', value: expired.size, unit: 'sessions' },
    { name: 'sessions established', value: receiver.established, unit: 'sessions' },
    { name: 'sessions dropped', value: dropped.size, unit: 'sessions' },
  ];
  if (firstUp !== undefined && lastUp !== undefined) figures.push({ name: 'last session up after the first', value: (lastUp - firstUp) / 1000, unit: 's' });
  const checks: string[] = [];
  const problems: string[] = [];

  const upText = `${receiver.established} of ${peers} sessions Established on the receiver, ${sender.established} on the sender`;
  const spread = lastUp !== undefined && firstUp !== undefined ? ` (the last ${((lastUp - firstUp) / 1000).toFixed(2)} s after the first)` : '';
  (receiver.established === peers && sender.established === peers ? checks : problems).push(upText + spread);

  if (expired.size) {
    const sides = [receiver.holdTimerExpired.size ? `receiver ${receiver.holdTimerExpired.size}` : '', sender.holdTimerExpired.size ? `sender ${sender.holdTimerExpired.size}` : '']
      .filter(Boolean)
      .join(', ');
    problems.push(`hold timer expired on ${sessions(expired.size)} (${sides} reported it): ${listPeers(expired)}`);
  }
  if (dropped.size) {
    const reasons = [...receiver.dropped, ...sender.dropped].slice(0, 3).map(([p, why]) => `${p + 1}: ${why}`);
    problems.push(`${sessions(dropped.size)} went down after Established: ${listPeers(dropped)} (${reasons.join('; ')})`);
  }
  if (!expired.size && !dropped.size && receiver.established > 0) {
    checks.push(`no hold timer expired and no session went down, on either side, through the burst and ${quietSeconds} s after it`);
  }

  if (held) {
    const short = sessionShortfalls(layout, held);
    if (short.length) problems.push(`${sessions(short.length)} delivered another count than their share: ${short.slice(0, LISTED).join('; ')}${short.length > LISTED ? ' …' : ''}`);
    else checks.push(`every one of the ${peers} sessions delivered exactly its share (${shareText(layout)} prefixes each)`);
  }
  return { figures, checks, problems };
}
