/**
 * Running a neighbor's import or export policies: batches pushed in, batches out, the policies
 * in the configured order. Each policy runs as a stage of its own so that one that fails is
 * contained: the failure is logged with the policy's name, the stage is started again from its
 * factory, and the session and the other stages go on.
 *
 * Fail closed: when a policy throws while a batch is being pushed through it, that batch's
 * announcements become withdrawals and go on to the next stage (so neither our Adj-RIB-In nor the
 * peer keeps a route the policy did not pass). Routes a policy was holding (in a delay, a buffer)
 * when it failed are not passed on. A factory that throws, or that returns no operator, makes its
 * stage withdraw every announcement until the policy is loaded again.
 */
import type { Subscription } from 'rxjs';
import { StageInput } from './stage-input';
import { errorText } from './error-text';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import { mergeWithdrawn } from '../wire/nlri/nlri-lists';
import type { Policy, PolicyContext, PolicyFactory, RouteBatch } from './types';

/** A policy as the chain runs it: its name, its factory and the options from the config. */
export interface ChainPolicy {
  readonly name: string;
  readonly factory: PolicyFactory;
  readonly options: Record<string, unknown>;
}

export type ChainContext = Omit<PolicyContext, 'name' | 'logger'> & {
  /** Where the chain logs; the stage's name is put in front of each line. */
  readonly log: { info(m: string): void; warn(m: string): void; error(m: string): void };
};

class Stage {
  private input = new StageInput<RouteBatch>();
  private subscription: Subscription | undefined;
  /** The batch being pushed in right now: what fails closed if the policy throws on it. */
  private inFlight: RouteBatch | undefined;
  private failedClosed = false;
  /** Whether the stage passed anything on since `inFlight` was pushed. */
  private emittedInFlight = false;
  /** Set when the factory failed: every announcement is withdrawn. */
  private rejectAll = false;
  private stopped = false;

  constructor(
    private readonly policy: ChainPolicy,
    private readonly context: ChainContext,
    private readonly next: (batch: RouteBatch) => void,
  ) {
    this.start();
  }

  push(batch: RouteBatch): void {
    if (this.rejectAll) return this.next(withdrawAll(batch));
    this.inFlight = batch;
    this.failedClosed = false;
    this.emittedInFlight = false;
    this.input.next(batch);
    this.inFlight = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.input.complete();
  }

  private get where(): string {
    return `${this.context.direction} policy "${this.policy.name}"`;
  }

  private start(): void {
    const { log } = this.context;
    const logger = {
      info: (m: string) => log.info(`${this.where}: ${m}`),
      warn: (m: string) => log.warn(`${this.where}: ${m}`),
      error: (m: string) => log.error(`${this.where}: ${m}`),
    };
    let operator: Policy;
    try {
      operator = this.policy.factory(this.policy.options, { ...this.context, name: this.policy.name, logger });
      if (typeof operator !== 'function') throw new Error(`the factory returned ${operator === null ? 'null' : typeof operator}, not an operator`);
    } catch (e) {
      log.error(`${this.where} could not be set up: ${errorText(e)}; it withdraws every route until it is loaded again`);
      this.rejectAll = true;
      return;
    }
    this.input = new StageInput<RouteBatch>();
    this.subscription = operator(this.input).subscribe({
      next: (batch) => {
        if (this.inFlight) this.emittedInFlight = true;
        this.next(batch);
      },
      error: (e: unknown) => this.failed(`failed: ${errorText(e)}`, true),
      // A policy that completes passed on what it was given, if it passed anything (take(n)).
      complete: () => this.failed('completed, which a policy must not do', !this.emittedInFlight),
    });
  }

  private failed(what: string, closeInFlight: boolean): void {
    if (this.stopped) return;
    const batch = closeInFlight ? this.inFlight : undefined;
    const held = batch && !this.failedClosed ? `; the ${count(batch)} announced routes of the batch it was given are withdrawn` : '';
    this.context.log.error(`${this.where} ${what}${held}; started again`);
    if (batch && !this.failedClosed) {
      this.failedClosed = true;
      this.next(withdrawAll(batch));
    }
    this.subscription?.unsubscribe();
    this.start();
  }
}

export class PolicyChain {
  private readonly stages: Stage[] = [];

  constructor(
    policies: readonly ChainPolicy[],
    context: ChainContext,
    private readonly out: (batch: RouteBatch) => void,
  ) {
    let next = out;
    for (let i = policies.length - 1; i >= 0; i--) {
      const stage = new Stage(policies[i], context, next);
      this.stages.unshift(stage);
      next = (batch) => stage.push(batch);
    }
  }

  get empty(): boolean {
    return this.stages.length === 0;
  }

  /** Runs a batch through the policies; with none, it goes straight out. */
  push(batch: RouteBatch): void {
    if (this.stages.length === 0) this.out(batch);
    else this.stages[0].push(batch);
  }

  /** Unsubscribes every stage: batches a policy still holds are dropped. */
  stop(): void {
    for (const s of this.stages) s.stop();
  }
}

/** The batch with every announcement turned into a withdrawal. */
export function withdrawAll(batch: RouteBatch): RouteBatch {
  if (batch.announced.length === 0) return batch;
  const withdrawn = mergeWithdrawn(
    batch.withdrawn,
    batch.announced.map(({ nextHop: _nextHop, ...list }) => list),
  );
  return { type: 'update', withdrawn, attributes: {}, announced: [] };
}

function count(batch: RouteBatch): number {
  return batch.announced.reduce((n, l) => n + nlriCount(l), 0);
}

