/**
 * RFC 8955 §6 rule c, as revised by RFC 9117 §4.1: the unicast routes strictly more specific than
 * one rule destination, each with the neighboring AS it came from, kept up to date as routes come
 * and go so that deciding the rule never searches the Adj-RIBs-In again. `H` is whoever holds a
 * route (a neighbor).
 */
export class MoreSpecifics<H> {
  /** Holder -> (route bits -> neighboring AS). */
  private readonly byHolder = new Map<H, Map<string, number>>();
  /** How many routes each neighboring AS has here. */
  private readonly perAs = new Map<number, number>();

  get size(): number {
    let n = 0;
    for (const c of this.perAs.values()) n += c;
    return n;
  }

  /** `holder` now holds the route `bits` from neighboring AS `as`, or no longer holds it (`as` undefined). */
  set(holder: H, bits: string, as: number | undefined): void {
    let routes = this.byHolder.get(holder);
    const was = routes?.get(bits);
    if (was === as) return;
    if (was !== undefined) {
      routes!.delete(bits);
      this.count(was, -1);
    }
    if (as === undefined) {
      if (routes && routes.size === 0) this.byHolder.delete(holder);
      return;
    }
    if (!routes) this.byHolder.set(holder, (routes = new Map()));
    routes.set(bits, as);
    this.count(as, 1);
  }

  /** Everything `holder` held here is gone (its session went down). */
  dropHolder(holder: H): void {
    const routes = this.byHolder.get(holder);
    if (!routes) return;
    for (const as of routes.values()) this.count(as, -1);
    this.byHolder.delete(holder);
  }

  /** A neighboring AS other than `as` that has a route here, or undefined when there is none. */
  otherAs(as: number | undefined): number | undefined {
    for (const [other, n] of this.perAs) if (n > 0 && other !== as) return other;
    return undefined;
  }

  private count(as: number, by: number): void {
    const n = (this.perAs.get(as) ?? 0) + by;
    if (n > 0) this.perAs.set(as, n);
    else this.perAs.delete(as);
  }
}
