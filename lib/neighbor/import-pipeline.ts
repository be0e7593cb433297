/**
 * A neighbor's import policies (lib/policy) between the wire and its Adj-RIB-In: each received
 * UPDATE goes through the chain, and what comes out is stored and reported as the peer's routes.
 *
 * A changed policy must run again over every route received (reapply()), without resetting the
 * session. When the peer negotiated ROUTE-REFRESH (RFC 2918), as nearly all do, it is asked to send
 * its routes again, and they come through the new chain: what BIRD and FRR do by default. Without
 * it, the routes as received are kept beside the Adj-RIB-In (`received`, like soft-reconfiguration
 * inbound) and run through again from there; that copy costs a second table's memory and time, so
 * it is only kept when needed. The chain lives as long as the session: opened when it is
 * established, stopped (with whatever a policy still holds) when it goes down.
 */
import { queueScheduler, type SchedulerLike } from 'rxjs';
import { AdjRibIn } from '../rib/adj-rib-in';
import { PolicyChain, type ChainPolicy } from '../policy/policy-chain';
import type { RouteBatch } from '../policy/types';
import type { Log } from '../session/log';
import type { ImportRoutes, ImportTarget } from '../session/peer-session';

export type { ImportTarget };

export interface ImportPipelineOptions {
  readonly neighbor: { readonly name: string; readonly peerAddress: string; readonly peerAs: number; readonly localAs: number };
  readonly log: Log;
  readonly scheduler?: SchedulerLike;
}

/** What PeerSession takes as its neighbor's import policies. */
export class ImportPipeline implements ImportRoutes {
  /** The routes as the peer sent them, before any policy. */
  readonly received = new AdjRibIn();
  private chain: PolicyChain | undefined;
  private target: ImportTarget | undefined;
  /** The bytes of each message as received, for events about a batch the chain passed through untouched. */
  private raws = new WeakMap<RouteBatch, Buffer>();
  /** True while reapply() pushes the received routes through again (synchronous outputs are re-runs). */
  private rerunning = false;

  constructor(
    private policies: readonly ChainPolicy[],
    private readonly opts: ImportPipelineOptions,
  ) {}

  /** Whether there is anything to run: without policies the session stores routes directly. */
  get active(): boolean {
    return this.policies.length > 0;
  }

  /** The session is established: batches from now on go to `target`. */
  open(target: ImportTarget): void {
    this.close();
    this.target = target;
    this.chain = this.newChain();
  }

  /** The session went down: the chain and what it held are dropped, the received routes forgotten. */
  close(): void {
    this.chain?.stop();
    this.chain = undefined;
    this.target = undefined;
    this.received.clear();
    this.raws = new WeakMap();
  }

  /** A received UPDATE, when `active` (the session stores it directly otherwise). */
  receive(message: RouteBatch, raw: Buffer | undefined): void {
    if (!this.target?.refresh) this.received.apply(message);
    if (raw) this.raws.set(message, raw);
    this.chain?.push(message);
  }

  /**
   * New policies for the routes already received: the chain is replaced and every received route
   * is run through it again (SIGHUP reload). Routes the new policies reject come out as withdrawals.
   */
  reapply(policies: readonly ChainPolicy[], stored: AdjRibIn): void {
    const wasActive = this.active;
    this.policies = policies;
    if (!this.target) return;
    if (this.target.refresh) {
      this.chain?.stop();
      this.chain = this.newChain();
      this.target.refresh();
      return;
    }
    // Without policies the session stored routes as received: they are what to run again.
    if (!wasActive) for (const batch of stored.batches()) this.received.apply(batch);
    this.chain?.stop();
    this.chain = this.newChain();
    this.rerunning = true;
    try {
      for (const batch of this.received.batches()) this.chain.push(batch);
    } finally {
      this.rerunning = false;
    }
    if (!this.active) this.received.clear();
  }

  private newChain(): PolicyChain {
    const { neighbor, log, scheduler } = this.opts;
    return new PolicyChain(
      this.policies,
      { direction: 'import', neighbor, scheduler: scheduler ?? queueScheduler, log: { info: (m) => log.info(`${neighbor.name}: ${m}`), warn: (m) => log.warn(`${neighbor.name}: ${m}`), error: (m) => log.error(`${neighbor.name}: ${m}`) } },
      (batch) => {
        try {
          this.target?.accept(batch, this.raws.get(batch), this.rerunning);
        } catch (e) {
          log.error(`${neighbor.name}: storing a batch from the import policies failed: ${e instanceof Error ? e.stack : String(e)}`);
        }
      },
    );
  }
}
