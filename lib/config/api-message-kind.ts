/**
 * The names a neighbor's "api.receive" and "api.send" lists accept. They are ExaBGP's: the
 * message keywords of its `receive { }` / `send { }` blocks, plus the session events its `api { }`
 * block switches on (neighbor-changes → "state", fsm, negotiated, signal), which can only be received.
 */
import { describeValue } from './config-error';
import { nearestKey } from '../wire/nearest-key';
import { scalar } from './scalar-codecs';
import type { ApiMessageKind } from './types';

/** BGP messages: both received from and sent to the peer (RFC 4271 §4, RFC 2918 for refresh). */
export const API_MESSAGE_KINDS = ['update', 'open', 'notification', 'keepalive', 'refresh', 'operational'] as const satisfies readonly ApiMessageKind[];
/** Events about the session rather than messages on it: receive only. */
export const API_EVENT_KINDS = ['state', 'fsm', 'negotiated', 'signal'] as const satisfies readonly ApiMessageKind[];

export const API_RECEIVE_KINDS: readonly ApiMessageKind[] = [...API_MESSAGE_KINDS, ...API_EVENT_KINDS];
export const API_SEND_KINDS: readonly ApiMessageKind[] = API_MESSAGE_KINDS;

type Listed = (typeof API_MESSAGE_KINDS)[number] | (typeof API_EVENT_KINDS)[number];
// Fails to compile when ApiMessageKind gains a name the two lists above do not hold.
const everyKindListed: [ApiMessageKind] extends [Listed] ? true : never = true;
void everyKindListed;

/** ExaBGP keywords that are flags of the api object here, not list entries: where to put them instead. */
const FLAG_HINTS: Record<string, string> = {
  parsed: 'set "parsed": true on the api object',
  packets: 'set "packets": true on the api object',
  consolidate: 'set "consolidate": true on the api object',
  'neighbor-changes': 'set "neighborChanges": true on the api object, or receive "state"',
  neighborChanges: 'set "neighborChanges": true on the api object, or receive "state"',
};

function kindCodec(direction: 'receive' | 'send', kinds: readonly ApiMessageKind[]) {
  const what = `one of ${kinds.map((k) => `"${k}"`).join(', ')}`;
  return scalar<ApiMessageKind, string>(
    what,
    (u): u is ApiMessageKind => typeof u === 'string' && kinds.includes(u as ApiMessageKind),
    (u) => {
      if (typeof u === 'string' && kinds.includes(u as ApiMessageKind)) return { value: u as ApiMessageKind };
      const got = `expected ${what}, got ${describeValue(u)}`;
      if (typeof u !== 'string') return got;
      if (FLAG_HINTS[u]) return `${got}: "${u}" is not a message kind; ${FLAG_HINTS[u]}`;
      if (direction === 'send' && API_RECEIVE_KINDS.includes(u as ApiMessageKind)) {
        return `${got}: "${u}" events are about the session, not messages rxbgp sends; list it under "receive"`;
      }
      const near = nearestKey(u, kinds);
      return near ? `${got} (did you mean "${near}"?)` : got;
    },
    (k) => k,
  );
}

export const apiReceiveKind = kindCodec('receive', API_RECEIVE_KINDS);
export const apiSendKind = kindCodec('send', API_SEND_KINDS);
