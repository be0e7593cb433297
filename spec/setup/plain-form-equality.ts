/**
 * Deep equality (toEqual, toMatchObject…) for the lazy forms the FlowSpec hot path makes, which hold
 * their state in private fields and give their values through getters (lib/families/flowspec/
 * wire-flow-rule.ts, lib/api/commands/grammar-route-command.ts): each compares as the plain object
 * its toJSON gives (the rule's components, the RouteSpec with its prefix). Run before every spec
 * file by both jest configs (setupFilesAfterEnv).
 */
import { GrammarRouteSpec } from '../../lib/api/commands/grammar-route-command';
import { WireFlowRule } from '../../lib/families/flowspec/wire-flow-rule';

function plainForm(value: unknown): unknown {
  return value instanceof WireFlowRule || value instanceof GrammarRouteSpec ? value.toJSON() : value;
}

type Tester = (this: { equals(a: unknown, b: unknown, testers?: unknown[]): boolean }, a: unknown, b: unknown, customTesters: unknown[]) => boolean | undefined;
// jest 29.4+ has it; the installed @types/jest does not declare it yet.
(expect as unknown as { addEqualityTesters(testers: Tester[]): void }).addEqualityTesters([
  function lazyFormsAsPlain(a, b, customTesters) {
    const pa = plainForm(a);
    const pb = plainForm(b);
    if (pa === a && pb === b) return undefined;
    return this.equals(pa, pb, customTesters);
  },
]);
