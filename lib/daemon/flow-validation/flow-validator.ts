/**
 * FlowSpec validation on receive (RFC 8955 §6, revised by RFC 9117), for the neighbors whose config
 * asks for it ("flowspec": { "validate": true }). It sits between the neighbors' session events and
 * everything that consumes them (helpers, stdout, sinks): a rule that fails validation stays in the
 * neighbor's Adj-RIB-In, as the RFC wants (it may become feasible later), but is left out of the
 * events, so no consumer sees it announced; a log line says which rule is held and why.
 *
 * Validation depends on the unicast routes of every neighbor, so it is done again when they
 * change: a rule that becomes feasible is then reported as announced, one that stops being
 * feasible as withdrawn. To keep that cheap at full-table scale, held rules are indexed by
 * destination prefix (destination-index.ts) and a unicast change only touches the destinations it
 * covers or is covered by; with no rule held, a unicast UPDATE costs one map lookup per family.
 *
 * Families are never named: a family whose descriptor has `validation` (lib/families) is checked
 * against the family it names there.
 */
import { FAMILIES, type AnyFamily } from '../../families';
import type { SessionEvent } from '../../events/events';
import type { Log } from '../../session/log';
import { pickRoutes } from '../../wire/nlri/nlri-lists';
import { nlriCount } from '../../wire/nlri/packed-ipv4';
import { familyKey, type Announced, type AsPathSegment, type NlriList, type PathAttributes, type UpdateMessage } from '../../wire/types';
import { bestUnicast } from './best-unicast';
import { DestinationIndex, type Destination } from './destination-index';
import { feasibility, type Verdict } from './feasibility';
import { fillMoreSpecifics } from './fill-more-specifics';
import { prefixBits } from './prefix-bits';
import { announceEvents, withdrawEvent } from './rule-events';
import { isEbgp, neighboringAs, originatorOf, type ValidationPeer } from './validation-peer';

/** One rule received from a validating neighbor, feasible or held. */
interface Rule<P> {
  readonly peer: P;
  readonly family: AnyFamily;
  /** The NLRI text as the Adj-RIB-In keys it, and its ADD-PATH path id. */
  readonly prefix: string;
  readonly pathId: number | undefined;
  readonly key: string;
  readonly destinationText: string | undefined;
  readonly destination: Destination<Rule<P>, P> | undefined;
  asPath: readonly AsPathSegment[] | undefined;
  /** Its ORIGINATOR_ID (RFC 4456), when a route reflector set one: with the peer, its originator (RFC 8955 §6). */
  originatorId: string | undefined;
  /** Whether consumers were told it is announced. */
  feasible: boolean;
}

/** A session event and the neighbor it is about, as the daemon publishes them. */
export interface PeerEvent<P> {
  readonly peer: P;
  readonly event: SessionEvent;
}

/** What rule b and c need of one destination, worked out once per batch of decisions. */
interface DestinationFacts<P> {
  readonly best?: { readonly peer: P; readonly prefix: string; readonly neighboringAs: number; readonly originator: string; readonly reflected: boolean };
  readonly moreSpecificAs?: number;
}

type Decisions<P> = Map<Destination<Rule<P>, P>, DestinationFacts<P>>;

export class FlowValidator<P extends ValidationPeer> {
  /** Every neighbor: whose unicast routes count. */
  private readonly peers = new Set<P>();
  /** The rules of each validating neighbor, by ruleKey(). */
  private readonly rules = new Map<P, Map<string, Rule<P>>>();
  private readonly index = new DestinationIndex<Rule<P>, P>();
  /** Families validated (familyKey -> descriptor), and the families they are checked against. */
  private readonly validated = new Map<number, AnyFamily>();
  private readonly against = new Map<number, AnyFamily>();

  constructor(
    private readonly log: Log,
    families: readonly AnyFamily[] = FAMILIES,
  ) {
    const byKey = new Map(families.map((f) => [familyKey(f.afi, f.safi), f]));
    for (const f of families) {
      if (!f.validation) continue;
      const { afi, safi } = f.validation.against;
      const target = byKey.get(familyKey(afi, safi));
      if (!target) throw new Error(`${f.name} is validated against afi ${afi} safi ${safi}, which is not a known family`);
      this.validated.set(familyKey(f.afi, f.safi), f);
      this.against.set(familyKey(afi, safi), target);
    }
  }

  /** A neighbor joins (daemon start, reload); events for what it held, when validation starts on it. */
  addPeer(peer: P, validate: boolean): PeerEvent<P>[] {
    this.peers.add(peer);
    return validate ? this.setValidate(peer, true) : [];
  }

  /** A neighbor is gone (removed or reset on reload): others' rules may change with its routes. */
  removePeer(peer: P): PeerEvent<P>[] {
    this.forgetRules(peer);
    this.rules.delete(peer);
    this.peers.delete(peer);
    for (const d of this.index.all()) d.moreSpecifics.dropHolder(peer);
    return this.reevaluate(this.index.all());
  }

  /** Whether this route of the neighbor's Adj-RIB-In is held by validation (for listings): key as AdjRibIn.entries() gives it. */
  isHeld(peer: P, afi: number, safi: number, key: string): boolean {
    return this.rules.get(peer)?.get(`${familyKey(afi, safi)}|${key}`)?.feasible === false;
  }

  /** How many of the neighbor's rules are held. */
  heldCount(peer: P): number {
    let n = 0;
    for (const r of this.rules.get(peer)?.values() ?? []) if (!r.feasible) n++;
    return n;
  }

  /**
   * Validation starts or stops for a neighbor (start, reload). Starting, the rules it holds are
   * checked and those failing are reported withdrawn; stopping, the rules held are reported announced.
   */
  setValidate(peer: P, on: boolean): PeerEvent<P>[] {
    if (!on) {
      const rules = this.rules.get(peer);
      if (!rules) return [];
      const held = [...rules.values()].filter((r) => !r.feasible);
      this.forgetRules(peer);
      this.rules.delete(peer);
      if (held.length) this.log.info(`${peer.name}: FlowSpec validation off: ${held.length} rule(s) held are reported`);
      return this.report(new Map(held.length ? [[peer, held]] : []), new Map());
    }
    if (this.rules.has(peer)) return [];
    const rules = new Map<string, Rule<P>>();
    this.rules.set(peer, rules);
    const created: Destination<Rule<P>, P>[] = [];
    const known: Rule<P>[] = [];
    for (const family of this.validated.values()) {
      for (const [key, entry] of peer.ribIn.familyEntries(family.afi, family.safi)) {
        const hash = key.indexOf('#');
        const prefix = hash < 0 ? key : key.slice(0, hash);
        const pathId = hash < 0 ? undefined : Number(key.slice(hash + 1));
        // Reported when it came: it is feasible until found otherwise.
        known.push(this.upsert(peer, rules, family, { prefixes: [prefix] }, 0, prefix, pathId, entry.attributes, created, true));
      }
    }
    this.fill(created);
    return this.reevaluate([{ rules: known }]);
  }

  /**
   * The neighbor's Adj-RIB-In was emptied (session down, `clear adj-rib in`): its rules are
   * forgotten without events, and the rules that depended on its unicast routes are decided again.
   */
  cleared(peer: P): PeerEvent<P>[] {
    if (this.rules.size === 0) return [];
    this.forgetRules(peer);
    for (const d of this.index.all()) d.moreSpecifics.dropHolder(peer);
    return this.reevaluate(this.index.all());
  }

  /** One session event of `peer`: what to publish instead (the event itself, changed, and events of other neighbors). */
  handle(peer: P, event: SessionEvent): PeerEvent<P>[] {
    // No neighbor validates (the default): nothing is indexed, nothing to look at.
    if (this.rules.size === 0) return [{ peer, event }];
    // Its routes are gone (RFC 4271 §8.2.2) and the down event says so: its rules go without events.
    if (event.kind === 'down') return [{ peer, event }, ...this.cleared(peer)];
    if (event.kind !== 'update' || event.direction !== 'receive') return [{ peer, event }];
    return this.onUpdate(peer, event);
  }

  private onUpdate(peer: P, event: Extract<SessionEvent, { kind: 'update' }>): PeerEvent<P>[] {
    const msg = event.message;
    const asWithdraw = msg.errorAction === 'treat-as-withdraw';
    // Unicast routes of any neighbor first: rule c's more-specifics, and the destinations to decide again.
    const affected = new Set<Destination<Rule<P>, P>>();
    for (const list of msg.withdrawn) this.unicastChange(peer, list, undefined, affected);
    for (const list of msg.announced) this.unicastChange(peer, list, asWithdraw ? undefined : msg.attributes.asPath, affected, !asWithdraw);
    const rules = this.rules.get(peer);
    const own = rules ? this.filterRules(peer, rules, msg, asWithdraw) : undefined;
    const out: PeerEvent<P>[] = [];
    if (!own) out.push({ peer, event });
    else {
      // What the peer sent is still recorded by sinks that keep the wire (MRT): as a wire-update.
      if (event.raw && !event.imported) out.push({ peer, event: { kind: 'wire-update', message: msg, raw: event.raw } });
      if (own.withdrawn.length || own.announced.length) out.push({ peer, event: { kind: 'update', message: own, direction: 'receive', imported: true } });
    }
    if (affected.size) out.push(...this.reevaluate(affected));
    return out;
  }

  /** A unicast list from `peer`: kept in the more-specifics of the destinations over it; destinations near it are `affected`. */
  private unicastChange(peer: P, list: NlriList, asPath: readonly AsPathSegment[] | undefined, affected: Set<Destination<Rule<P>, P>>, announce = false): void {
    const space = familyKey(list.afi, list.safi);
    const family = this.against.get(space);
    // ADD-PATH routes are left out: the best-match lookup reads routes without a path id.
    if (!family || !this.index.has(space) || list.pathIds) return;
    const as = announce ? neighboringAs(peer, asPath) : undefined;
    const n = nlriCount(list);
    for (let i = 0; i < n; i++) {
      const route = prefixBits(family.nlriAt(list, i));
      if (!route) continue;
      for (const d of this.index.covering(space, route.bits)) {
        d.moreSpecifics.set(peer, route.bits, as);
        affected.add(d);
      }
      for (const d of this.index.under(space, route.bits)) affected.add(d);
    }
  }

  /**
   * The rules in a validating neighbor's UPDATE: each is decided, and the message comes back with
   * the held ones left out (and the ones that stopped being feasible withdrawn), or undefined when
   * it is to be reported as it is.
   */
  private filterRules(peer: P, rules: Map<string, Rule<P>>, msg: UpdateMessage, asWithdraw: boolean): UpdateMessage | undefined {
    let changed = false;
    const withdrawn: NlriList[] = [];
    for (const list of msg.withdrawn) {
      const kept = this.validated.has(familyKey(list.afi, list.safi)) ? this.withdrawRules(rules, list) : undefined;
      if (!kept) withdrawn.push(list);
      else {
        changed = true;
        if (kept.length) withdrawn.push(pickRoutes(list, kept, kept.length, false));
      }
    }
    if (asWithdraw) {
      // RFC 7606 treat-as-withdraw: the announcements are reported as they are, and withdraw the rules.
      for (const list of msg.announced) if (this.validated.has(familyKey(list.afi, list.safi))) this.withdrawRules(rules, list);
      return changed ? { ...msg, withdrawn } : undefined;
    }
    const created: Destination<Rule<P>, P>[] = [];
    const decided: Array<{ list: Announced; rules: Rule<P>[]; was: boolean[] } | undefined> = msg.announced.map((list) => {
      const family = this.validated.get(familyKey(list.afi, list.safi));
      const n = nlriCount(list);
      if (!family || n === 0) return undefined;
      const got: Rule<P>[] = [];
      const was: boolean[] = [];
      for (let i = 0; i < n; i++) {
        was.push(rules.get(ruleKey(family, list.prefixes[i], list.pathIds?.[i]))?.feasible ?? false);
        got.push(this.upsert(peer, rules, family, list, i, list.prefixes[i], list.pathIds?.[i], msg.attributes, created, false));
      }
      return { list, rules: got, was };
    });
    this.fill(created);
    const facts: Decisions<P> = new Map();
    const announced: Announced[] = [];
    const held: Array<[Rule<P>, Verdict]> = [];
    for (let j = 0; j < msg.announced.length; j++) {
      const d = decided[j];
      if (!d) {
        announced.push(msg.announced[j]);
        continue;
      }
      const keep: number[] = [];
      const stopped: number[] = [];
      d.rules.forEach((rule, i) => {
        const verdict = this.decide(rule, facts);
        rule.feasible = verdict.feasible;
        if (verdict.feasible) keep.push(i);
        else {
          held.push([rule, verdict]);
          if (d.was[i]) stopped.push(i);
        }
      });
      if (keep.length === d.rules.length) {
        announced.push(d.list);
        continue;
      }
      changed = true;
      if (keep.length) announced.push(pickRoutes(d.list, keep, keep.length, true));
      if (stopped.length) withdrawn.push(pickRoutes(d.list as NlriList, stopped, stopped.length, false));
    }
    if (held.length) this.logHeld(peer, held);
    return changed ? { ...msg, withdrawn, announced } : undefined;
  }

  /** Indices of `list` to report withdrawn (rules held were never reported); undefined when all are. */
  private withdrawRules(rules: Map<string, Rule<P>>, list: NlriList): number[] | undefined {
    const family = this.validated.get(familyKey(list.afi, list.safi))!;
    const kept: number[] = [];
    const n = nlriCount(list);
    for (let i = 0; i < n; i++) {
      const key = ruleKey(family, list.prefixes[i], list.pathIds?.[i]);
      const rule = rules.get(key);
      if (rule) {
        this.detach(rule);
        rules.delete(key);
      }
      if (!rule || rule.feasible) kept.push(i);
    }
    return kept.length === n ? undefined : kept;
  }

  /** The rule for this NLRI, made and indexed by destination when new (new destinations go to `created`). */
  private upsert(
    peer: P,
    rules: Map<string, Rule<P>>,
    family: AnyFamily,
    list: { readonly prefixes: readonly string[] },
    i: number,
    prefix: string,
    pathId: number | undefined,
    attributes: Pick<PathAttributes, 'asPath' | 'originatorId'>,
    created: Destination<Rule<P>, P>[],
    feasible: boolean,
  ): Rule<P> {
    const { asPath, originatorId } = attributes;
    const key = ruleKey(family, prefix, pathId);
    let rule = rules.get(key);
    if (!rule) {
      const destinationText = family.validation!.destination(family.nlriAt(list, i));
      const bits = destinationText === undefined ? undefined : prefixBits(destinationText);
      const { afi, safi } = family.validation!.against;
      const slot = bits ? this.index.add(familyKey(afi, safi), bits.bits) : undefined;
      if (slot?.created) created.push(slot.destination);
      rule = { peer, family, prefix, pathId, key, destinationText: bits ? destinationText : undefined, destination: slot?.destination, asPath, originatorId, feasible };
      slot?.destination.rules.add(rule);
      rules.set(key, rule);
    }
    rule.asPath = asPath;
    rule.originatorId = originatorId;
    return rule;
  }

  private fill(created: readonly Destination<Rule<P>, P>[]): void {
    const bySpace = new Map<number, Destination<Rule<P>, P>[]>();
    for (const d of created) {
      const list = bySpace.get(d.space);
      if (list) list.push(d);
      else bySpace.set(d.space, [d]);
    }
    for (const [space, list] of bySpace) fillMoreSpecifics(space, list, this.peers);
  }

  /** RFC 8955 §6 / RFC 9117 for one rule; the destination's facts are worked out once per batch. */
  private decide(rule: Rule<P>, facts: Decisions<P>): Verdict {
    const d = rule.destination;
    let f = d ? facts.get(d) : undefined;
    if (d && !f) {
      const best = bestUnicast(this.peers, d.space >> 8, d.space & 255, d.bits);
      const bestAs = best ? neighboringAs(best.peer, best.entry.attributes.asPath) : undefined;
      const more = d.moreSpecifics.otherAs(bestAs);
      const originator = best ? originatorOf(best.peer, best.entry.attributes.originatorId) : '';
      const reflected = best?.entry.attributes.originatorId !== undefined;
      f = { ...(best ? { best: { peer: best.peer, prefix: best.prefix, neighboringAs: bestAs!, originator, reflected } } : {}), ...(more !== undefined ? { moreSpecificAs: more } : {}) };
      facts.set(d, f);
    }
    const best = f?.best;
    return feasibility({
      destination: rule.destinationText,
      asPath: rule.asPath,
      ebgp: isEbgp(rule.peer),
      peerAs: rule.peer.settings.peerAs,
      peerName: rule.peer.name,
      originator: originatorOf(rule.peer, rule.originatorId),
      reflected: rule.originatorId !== undefined,
      ...(best ? { best: { prefix: best.prefix, peerName: best.peer.name, originator: best.originator, reflected: best.reflected, neighboringAs: best.neighboringAs } } : {}),
      ...(f?.moreSpecificAs !== undefined ? { moreSpecificAs: f.moreSpecificAs } : {}),
    });
  }

  /** Decides these destinations' rules again; events for those whose feasibility changed. */
  private reevaluate(destinations: Iterable<{ readonly rules: Iterable<Rule<P>> }>): PeerEvent<P>[] {
    const facts: Decisions<P> = new Map();
    const on = new Map<P, Rule<P>[]>();
    const off = new Map<P, Array<[Rule<P>, Verdict]>>();
    for (const d of destinations) {
      for (const rule of d.rules) {
        const verdict = this.decide(rule, facts);
        if (verdict.feasible === rule.feasible) continue;
        rule.feasible = verdict.feasible;
        if (verdict.feasible) push(on, rule.peer, rule);
        else push(off, rule.peer, [rule, verdict]);
      }
    }
    for (const [peer, rules] of on) this.log.info(`${peer.name}: ${rules.length} FlowSpec rule(s) now pass validation and are reported: ${rules[0].prefix}${more(rules.length)}`);
    for (const [peer, held] of off) this.logHeld(peer, held, 'no longer pass validation and are reported withdrawn');
    return this.report(on, new Map([...off].map(([peer, held]) => [peer, held.map(([rule]) => rule)])));
  }

  /** Announce events for the rules in `on`, withdraw events for those in `off`, per neighbor. */
  private report(on: Map<P, Rule<P>[]>, off: Map<P, Rule<P>[]>): PeerEvent<P>[] {
    const out: PeerEvent<P>[] = [];
    for (const [peer, rules] of off) out.push({ peer, event: withdrawEvent(rules) });
    for (const [peer, rules] of on) for (const event of announceEvents(peer.ribIn, rules)) out.push({ peer, event });
    return out;
  }

  /** One line per batch at info (which rule, why, how many more); one per rule at debug. */
  private logHeld(peer: P, held: ReadonlyArray<readonly [Rule<P>, Verdict]>, what = 'held by validation, not reported'): void {
    const why = (v: Verdict) => (v.feasible ? '' : v.why);
    const [rule, verdict] = held[0];
    this.log.info(`${peer.name}: ${held.length} FlowSpec rule(s) ${what}: ${rule.prefix}: ${why(verdict)}${more(held.length)}`);
    for (const [r, v] of held.slice(1)) this.log.debug(`${peer.name}: FlowSpec rule ${what}: ${r.prefix}: ${why(v)}`);
  }

  /** The neighbor's rules leave the index (its session went down, or validation stops). */
  private forgetRules(peer: P): void {
    const rules = this.rules.get(peer);
    if (!rules) return;
    for (const r of rules.values()) this.detach(r);
    rules.clear();
  }

  private detach(rule: Rule<P>): void {
    const d = rule.destination;
    if (!d) return;
    d.rules.delete(rule);
    if (d.rules.size === 0) this.index.delete(d);
  }
}

/** A rule's key: family, then the Adj-RIB-In's own key ("text" or "text#pathId"). */
function ruleKey(family: AnyFamily, prefix: string, pathId: number | undefined): string {
  return `${familyKey(family.afi, family.safi)}|${pathId === undefined ? prefix : `${prefix}#${pathId}`}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function more(n: number): string {
  return n > 1 ? ` (and ${n - 1} more)` : '';
}
