/** Every case, in the order a full run executes them; a case's position fixes its addresses (slotFor). */
import { apiBatchesCase, apiRoutesCase } from './api-rxbgp';
import { exabgpApiBatchesCase, exabgpApiRoutesCase } from './api-exabgp';
import { birdBirdCase } from './bird-bird';
import { birdExabgpCase } from './bird-exabgp';
import { birdGobgpCase } from './bird-gobgp';
import type { BenchCase } from './case-types';
import { codecCase } from './codec';
import { emitCase } from './emit';
import { exabgpFlowApiCase, flowApiCase } from './flow-api';
import { flowDecodeCase } from './flow-decode';
import { exabgpFlowLatencyCase, flowLatencyCase, flowLatencyFloorCase } from './flow-latency';
import { gobgpBirdCase } from './gobgp-bird';
import { ingestCase } from './ingest';
import { ingestJsonFileCase } from './ingest-json-file';
import { ingestJsonlCase } from './ingest-jsonl';
import { ingestKafkaCase } from './ingest-kafka';
import { ingestPoliciesCase } from './ingest-policies';
import { manyPeersBirdCase, manyPeersGobgpCase, manyPeersRxbgpCase } from './many-peers';
import { policyChainCase } from './policy-chain';
import { realisticBirdBirdCase, realisticEmitCase, realisticIngestCase } from './realistic';

/** The process-API cases come last, rxbgp's before ExaBGP's (these state rxbgp's rate over theirs). */
export const CASES: readonly BenchCase[] = [
  emitCase,
  ingestCase,
  ingestPoliciesCase,
  ingestJsonlCase,
  ingestKafkaCase,
  birdBirdCase,
  gobgpBirdCase,
  birdGobgpCase,
  apiRoutesCase,
  apiBatchesCase,
  exabgpApiRoutesCase,
  exabgpApiBatchesCase,
  codecCase,
  policyChainCase,
  ingestJsonFileCase,
  birdExabgpCase,
  manyPeersRxbgpCase,
  manyPeersBirdCase,
  manyPeersGobgpCase,
  realisticEmitCase,
  realisticIngestCase,
  realisticBirdBirdCase,
  flowApiCase,
  exabgpFlowApiCase,
  flowLatencyCase,
  exabgpFlowLatencyCase,
  flowLatencyFloorCase,
  flowDecodeCase,
];
