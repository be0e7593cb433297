/** Helper processes (ExaBGP's "process" API): spawn, line I/O with a bounded stdin queue, respawn. */
export { HelperProcess } from './helper-process';
export { PROCESS_DEFAULTS } from './types';
export type { ProcessConfig, ProcessLog, ProcessRunnerOptions } from './types';
