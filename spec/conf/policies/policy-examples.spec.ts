/**
 * conf/policy-examples.json, the config that shows the six example policies: it decodes, its
 * modules load as `rxbgp validate` loads them, and each factory accepts the options given there
 * (validate does not run factories; a factory that threw would fail closed at run time).
 */
import path from 'path';
import { Subject } from 'rxjs';
import { formatErrors, loadConfig } from '../../../lib/config';
import { PolicyModules } from '../../../lib/daemon/policy-modules';
import type { RouteBatch } from '../../../lib/policy/types';
import { policyContext, testScheduler } from './route-batches';

const FILE = path.join(__dirname, '../../../conf/policy-examples.json');

describe('conf/policy-examples.json', () => {
  it('decodes, loads its six policies, and every factory accepts its options', () => {
    const r = loadConfig(FILE);
    if (r._tag === 'Left') throw new Error(formatErrors(r.left, FILE));
    const config = r.right;
    expect(config.policies.map((p) => path.basename(p.module)).sort()).toEqual([
      'flap-dampening.js',
      'flowspec-guard.js',
      'healthcheck.js',
      'no-bogons.js',
      'prepend-communities.js',
      'rate-limit.js',
    ]);
    const modules = new PolicyModules();
    modules.load(config.policies);
    const used = config.neighbors.flatMap((n) => [...n.import, ...n.export]);
    expect(new Set(used)).toEqual(new Set(config.policies.map((p) => p.name)));
    for (const neighbor of config.neighbors) {
      for (const policy of modules.chain([...neighbor.import, ...neighbor.export])) {
        const operator = policy.factory(policy.options, policyContext(testScheduler()).context);
        expect(typeof operator).toBe('function');
        // Subscribed and let go at once: the healthcheck's first probe is only scheduled, never run.
        operator(new Subject<RouteBatch>()).subscribe().unsubscribe();
      }
    }
  });
});
