/** Every case, in the order a full run executes them; a case's position fixes its addresses (slotFor). */
import { birdBirdCase } from './bird-bird';
import { birdGobgpCase } from './bird-gobgp';
import type { BenchCase } from './case-types';
import { emitCase } from './emit';
import { gobgpBirdCase } from './gobgp-bird';
import { ingestCase } from './ingest';

export const CASES: readonly BenchCase[] = [emitCase, ingestCase, birdBirdCase, gobgpBirdCase, birdGobgpCase];
