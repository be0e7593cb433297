/**
 * rxbgp's text for a case of the ExaBGP JSON case table (spec/api/exabgp-json/helpers/cases.ts):
 * the message decoded by lib/wire, then printed by lib/api/exabgp-text. The oracle
 * (spec/fixtures/exabgp-text/exabgp-text-oracle.py) answers the same requests with ExaBGP's text.
 */
import { fsmText, messageText, negotiatedText, shutdownText, signalText, stateText } from '../../../../lib/api/exabgp-text';
import { negotiate } from '../../../../lib/fsm/negotiate';
import type { Negotiated, PeerSettings } from '../../../../lib/fsm/types';
import { BgpError } from '../../../../lib/wire/errors';
import { decodeMessage } from '../../../../lib/wire/message';
import type { OpenMessage } from '../../../../lib/wire/types';
import { CASE_NEIGHBOR, type JsonCase } from '../../exabgp-json/helpers/cases';
import { caseContext } from '../../exabgp-json/helpers/rxbgp-json';

function decodeOpen(hex: string): OpenMessage {
  const msg = decodeMessage(Buffer.from(hex, 'hex'), caseContext({ name: '', kind: 'message' }));
  if (msg.type !== 'open') throw new Error('not an OPEN');
  return msg;
}

/** The session the two OPENs of a 'negotiated' case agree on (RFC 5492). */
function negotiatedOf(c: JsonCase): Negotiated {
  const local = decodeOpen(c.sent ?? '');
  const peer = decodeOpen(c.received ?? '');
  const settings: PeerSettings = {
    localAs: local.myAs,
    peerAs: peer.myAs,
    routerId: local.bgpId,
    holdTime: local.holdTime,
    connectRetryTime: 5,
    passive: false,
    delayOpenTime: 0,
    families: [],
    routeRefresh: true,
    extendedMessage: true,
  };
  const negotiated = negotiate(settings, local, peer);
  if (negotiated instanceof BgpError) throw negotiated;
  return negotiated;
}

/** The pid and ppid that normalizeText() puts in a shutdown line. */
const SHUTDOWN = /^shutdown \d+ \d+$/;

/**
 * An oracle answer as rxbgp returns it: without the final newline, the shutdown line's
 * pid and ppid fixed, null (ExaBGP's None) as undefined.
 */
export function normalizeText(answer: string | null): string | undefined {
  if (answer === null) return undefined;
  const text = answer.endsWith('\n') ? answer.slice(0, -1) : answer;
  return SHUTDOWN.test(text) ? 'shutdown 1 1' : text;
}

export function rxbgpText(c: JsonCase): string | undefined {
  switch (c.kind) {
    case 'message': {
      const ctx = caseContext(c);
      return messageText(CASE_NEIGHBOR, decodeMessage(Buffer.from(c.hex ?? '', 'hex'), ctx), c.direction ?? 'receive', ctx);
    }
    case 'state':
      return stateText(CASE_NEIGHBOR, c.state ?? 'up', c.reason);
    case 'fsm':
      return fsmText(CASE_NEIGHBOR, 'Idle', 'Established');
    case 'signal':
      return signalText(CASE_NEIGHBOR, c.signal ?? 0);
    case 'negotiated':
      return negotiatedText(CASE_NEIGHBOR, negotiatedOf(c));
    case 'shutdown':
      return shutdownText(1, 1);
  }
}
