/**
 * Addresses of the FlowSpec cases (issue 12): 127.0.0.217–222, ports 17217–17222, kept apart from
 * the other cases' 127.0.3.0/24 slots (case-types.ts slotFor) and from the spec tests, so a flow
 * case can run beside them. The sender never listens for BGP (rxbgp's config has no `listen`;
 * ExaBGP binds its own address and port), so cases that run one after another may share a slot.
 */
import type { Slot, Speaker } from './case-types';

function speaker(host: number): Speaker {
  return { address: `127.0.0.${host}`, port: 17000 + host, asn: 65000 + host, routerId: `192.0.2.${host}` };
}

/** flow-api: rxbgp + helper → BIRD. */
export const FLOW_API_SLOT: Slot = { sender: speaker(217), receiver: speaker(218), apiPort: 50217 };
/** exabgp-flow-api: ExaBGP + helper → BIRD. */
export const EXABGP_FLOW_API_SLOT: Slot = { sender: speaker(219), receiver: speaker(220), apiPort: 50219 };
/** flow-latency and exabgp-flow-latency: the sender → the bench's own timestamping peer. */
export const FLOW_LATENCY_SLOT: Slot = { sender: speaker(221), receiver: speaker(222), apiPort: 50221 };
