/** rxbgp's line for a JsonCase: the message decoded by lib/wire, then printed by lib/api/exabgp-json. */
import {
  fsmJson,
  messageJson,
  negotiatedJson,
  shutdownJson,
  signalJson,
  stateJson,
  type JsonDirection,
  type JsonEnvelopeSource,
} from '../../../../lib/api/exabgp-json';
import { negotiate } from '../../../../lib/fsm/negotiate';
import type { PeerSettings, State } from '../../../../lib/fsm/types';
import { BgpError } from '../../../../lib/wire/errors';
import { decodeMessage } from '../../../../lib/wire/message';
import { familyKey, type CodecContext, type OpenMessage } from '../../../../lib/wire/types';
import { CASE_NEIGHBOR, type JsonCase } from './cases';

/** Envelope fields that normalizeJson() replaces anyway. */
export const TEST_SOURCE: JsonEnvelopeSource = { host: 'host', pid: 1, ppid: 1, nextCounter: () => 1, now: () => 0 };

const FAMILIES = [familyKey(1, 1), familyKey(2, 1), familyKey(1, 2), familyKey(2, 2)];

/**
 * The session of the cases is eBGP (AS 65001 and 65002) with ExaBGP's default neighbor, which has
 * no `aigp`: RFC 7311's AIGP_SESSION is off there (ExaBGP drops AIGP too).
 */
export function caseContext(c: JsonCase): CodecContext {
  return { asn4: c.asn4 ?? true, extendedMessage: false, addPath: new Set(c.addpath ? FAMILIES : []), aigp: false };
}

const STATES: Readonly<Record<string, State>> = {
  IDLE: 'Idle',
  CONNECT: 'Connect',
  ACTIVE: 'Active',
  OPENSENT: 'OpenSent',
  OPENCONFIRM: 'OpenConfirm',
  ESTABLISHED: 'Established',
};

function decodeOpen(hex: string): OpenMessage {
  const msg = decodeMessage(Buffer.from(hex, 'hex'), caseContext({ name: '', kind: 'message' }));
  if (msg.type !== 'open') throw new Error('not an OPEN');
  return msg;
}

function settingsFor(local: OpenMessage, peer: OpenMessage): PeerSettings {
  return {
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
}

/** The line rxbgp prints for a case; `direction` overrides the case's (for `exabgp --decode`, 'in'). */
export function rxbgpJson(c: JsonCase, direction?: JsonDirection): string {
  switch (c.kind) {
    case 'message': {
      const ctx = caseContext(c);
      return messageJson(TEST_SOURCE, CASE_NEIGHBOR, decodeMessage(Buffer.from(c.hex ?? '', 'hex'), ctx), direction ?? c.direction ?? 'receive', ctx);
    }
    case 'state':
      return stateJson(TEST_SOURCE, CASE_NEIGHBOR, c.state ?? 'up', c.reason);
    case 'fsm':
      return fsmJson(TEST_SOURCE, CASE_NEIGHBOR, 'Idle', STATES[c.fsmState ?? 'IDLE']);
    case 'signal':
      return signalJson(TEST_SOURCE, CASE_NEIGHBOR, c.signal ?? 0);
    case 'shutdown':
      return shutdownJson(TEST_SOURCE);
    case 'negotiated': {
      const local = decodeOpen(c.sent ?? '');
      const peer = decodeOpen(c.received ?? '');
      const negotiated = negotiate(settingsFor(local, peer), local, peer);
      if (negotiated instanceof BgpError) throw negotiated;
      return negotiatedJson(TEST_SOURCE, CASE_NEIGHBOR, negotiated);
    }
  }
}

/** The request line for the ExaBGP oracle script. */
export function oracleRequest(c: JsonCase): string {
  switch (c.kind) {
    case 'message':
      return JSON.stringify({ kind: 'message', hex: c.hex, direction: c.direction ?? 'receive', asn4: c.asn4 ?? true, addpath: c.addpath ?? false });
    case 'state':
      return JSON.stringify({ kind: 'state', state: c.state, reason: c.reason });
    case 'fsm':
      return JSON.stringify({ kind: 'fsm', state: c.fsmState });
    case 'signal':
      return JSON.stringify({ kind: 'signal', number: c.signal });
    case 'negotiated':
      return JSON.stringify({ kind: 'negotiated', sent: c.sent, received: c.received });
    case 'shutdown':
      return JSON.stringify({ kind: 'shutdown' });
  }
}
