/**
 * A neighbor's export policies (lib/policy) between what rxbgp wants to announce (the Adj-RIB-Out
 * the config, the API and the library fill: `pre`) and what its sessions send (`post`, the
 * post-policy Adj-RIB-Out). Every change of `pre` runs through the chain as batches; what comes
 * out is stored in `post`, and `post` reports what really changed, which is what gets sent. So a
 * policy that rejects a route it passed before withdraws it at the peer, and a changed policy
 * (reapply()) sends only the routes whose outcome changed, without resetting the session.
 *
 * The chain runs whether or not a session is up: `post` is the neighbor's state, sent whole when a
 * session comes up.
 */
import { queueScheduler, type SchedulerLike } from 'rxjs';
import { AdjRibOut, type OutGroup, type RibOutChange } from '../rib/adj-rib-out';
import { announcedRoutes, groupBatch, withdrawBatch, withdrawnRoutes } from '../policy/batch-routes';
import { PolicyChain, type ChainPolicy } from '../policy/policy-chain';
import type { RouteBatch } from '../policy/types';
import type { Log } from '../session/log';

export interface ExportPipelineOptions {
  readonly neighbor: { readonly name: string; readonly peerAddress: string; readonly peerAs: number; readonly localAs: number };
  readonly log: Log;
  readonly scheduler?: SchedulerLike;
  /** What changed in `post`, to send if a session is up. */
  readonly changed: (change: RibOutChange) => void;
}

export class ExportPipeline {
  /** What the policies let through: what sessions send. */
  readonly post = new AdjRibOut();
  private chain: PolicyChain;

  constructor(
    private policies: readonly ChainPolicy[],
    private readonly opts: ExportPipelineOptions,
  ) {
    this.chain = this.newChain();
  }

  /** A change of the routes rxbgp wants to announce. */
  push(change: RibOutChange): void {
    for (const w of change.withdraw) this.chain.push(withdrawBatch(w));
    for (const g of change.announce) this.chain.push(groupBatch(g));
  }

  /** Every route rxbgp wants to announce (at start, and when the policies change). */
  feed(groups: Iterable<OutGroup>): void {
    for (const g of groups) this.chain.push(groupBatch(g));
  }

  /** New policies: everything in `pre` runs through them again; only what changes is sent. */
  reapply(policies: readonly ChainPolicy[], pre: AdjRibOut): void {
    this.policies = policies;
    this.chain.stop();
    this.chain = this.newChain();
    this.feed(pre.groups());
  }

  stop(): void {
    this.chain.stop();
  }

  private accept(batch: RouteBatch): void {
    const removed = batch.withdrawn.length ? this.post.remove(withdrawnRoutes(batch)) : undefined;
    const added = batch.announced.length ? this.post.upsert(announcedRoutes(batch)) : undefined;
    const change: RibOutChange = {
      withdraw: removed?.withdraw ?? [],
      announce: [...(removed?.announce ?? []), ...(added?.announce ?? [])],
    };
    if (change.withdraw.length || change.announce.length) this.opts.changed(change);
  }

  private newChain(): PolicyChain {
    const { neighbor, log, scheduler } = this.opts;
    return new PolicyChain(
      this.policies,
      { direction: 'export', neighbor, scheduler: scheduler ?? queueScheduler, log: { info: (m) => log.info(`${neighbor.name}: ${m}`), warn: (m) => log.warn(`${neighbor.name}: ${m}`), error: (m) => log.error(`${neighbor.name}: ${m}`) } },
      (batch) => {
        try {
          this.accept(batch);
        } catch (e) {
          log.error(`${neighbor.name}: storing a batch from the export policies failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    );
  }
}
