/**
 * Routes keyed by family and text, one Map per family: a route's key is its own text (a prefix, a
 * FlowSpec rule's text), not a new string of family and text joined, which would be kept beside
 * the text as long as the route (some 80 bytes a FlowSpec rule) and hashed whole on every lookup.
 */
export class TextRoutes<V> {
  private readonly byFamily = new Map<number, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(family: number, key: string): V | undefined {
    return this.byFamily.get(family)?.get(key);
  }

  has(family: number, key: string): boolean {
    return this.byFamily.get(family)?.has(key) ?? false;
  }

  set(family: number, key: string, value: V): void {
    let routes = this.byFamily.get(family);
    if (!routes) {
      routes = new Map();
      this.byFamily.set(family, routes);
    }
    const before = routes.size;
    routes.set(key, value);
    this.count += routes.size - before;
  }

  delete(family: number, key: string): boolean {
    const routes = this.byFamily.get(family);
    if (!routes?.delete(key)) return false;
    this.count--;
    return true;
  }

  *values(): IterableIterator<V> {
    for (const routes of this.byFamily.values()) yield* routes.values();
  }

  /** [family, key, value] of every route. */
  *entries(): IterableIterator<[number, string, V]> {
    for (const [family, routes] of this.byFamily) for (const [key, value] of routes) yield [family, key, value];
  }
}
