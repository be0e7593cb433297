/**
 * The config's policy modules, loaded (lib/policy/load-policy.ts) and kept by name. On reload a
 * module is loaded again only when its file or its options changed, so a policy's identity (and
 * whatever state its instances keep) follows the user's edits, not every SIGHUP. `changed` says
 * which names got a new factory or options: the neighbors that use them run their routes again.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import type { PolicyConfig } from '../config/types';
import { loadPolicyFactory } from '../policy/load-policy';
import type { ChainPolicy } from '../policy/policy-chain';

interface Loaded {
  readonly policy: ChainPolicy;
  /** The module file's hash and the options, to tell whether a reload changed anything. */
  readonly fingerprint: string;
}

export class PolicyModules {
  private loaded = new Map<string, Loaded>();

  /**
   * Loads `policies`, keeping the ones whose file and options did not change. Throws an Error
   * naming every policy that cannot be loaded (`policies.<name>.module: why`), having changed nothing.
   */
  load(policies: readonly PolicyConfig[]): { readonly changed: ReadonlySet<string> } {
    const next = new Map<string, Loaded>();
    const changed = new Set<string>();
    const errors: string[] = [];
    for (const p of policies) {
      try {
        const fingerprint = `${fileHash(p.module)} ${p.module} ${JSON.stringify(p.options)}`;
        const before = this.loaded.get(p.name);
        if (before && before.fingerprint === fingerprint) {
          next.set(p.name, before);
          continue;
        }
        next.set(p.name, { policy: { name: p.name, factory: loadPolicyFactory(p.module), options: p.options }, fingerprint });
        if (before) changed.add(p.name);
      } catch (e) {
        errors.push(`policies.${p.name}.module: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (errors.length) throw new Error(`policy modules not loaded:\n  ${errors.join('\n  ')}`);
    for (const name of this.loaded.keys()) if (!next.has(name)) changed.add(name);
    this.loaded = next;
    return { changed };
  }

  /** The policies a neighbor's list names, in its order (the config checked every name). */
  chain(names: readonly string[]): ChainPolicy[] {
    return names.map((name) => {
      const l = this.loaded.get(name);
      if (!l) throw new Error(`policy "${name}" is not loaded`);
      return l.policy;
    });
  }
}

function fileHash(file: string): string {
  return createHash('sha1').update(fs.readFileSync(file)).digest('hex');
}
