/**
 * A helper program (ExaBGP's `process <name> { run ...; encoder ...; }`, "processes" in the JSON
 * config): a consumer of the event bus that also sends commands. Declared once, here, below both the
 * config that reads it (lib/config) and the runner that spawns it (lib/api/process).
 */
export interface ProcessConfig {
  /** The key under "processes": [A-Za-z0-9_.-]+, what neighbors' api.processes refer to. */
  name: string;
  /** Program then arguments, not passed through a shell (run[0] is executed directly). A relative program path with a "/" is resolved against the config file's directory. */
  run: string[];
  /** How events are written to the helper's stdin: ExaBGP's JSON (format 4.0.1) or its text encoder. */
  encoder: 'json' | 'text';
  /** Start the helper again when it exits (within ExaBGP's respawn limit, ProcessRunnerOptions.respawnLimit). */
  respawn: boolean;
  /** Working directory of the helper (resolved against the config file's directory); the daemon's own when absent. */
  cwd?: string;
}
