/** `npm run bench -- [case ...] [--n COUNT] [--timeout SECONDS] [--cpu-prof DIR]`. */

export interface BenchArgs {
  readonly cases: readonly string[];
  readonly n: number;
  /** --n was given: it then applies to every case, also to those with their own default (BenchCase.defaultN). */
  readonly nGiven: boolean;
  readonly timeoutSeconds: number;
  /** Start rxbgp under `node --cpu-prof` writing its profile into this directory. */
  readonly cpuProfileDir?: string;
  readonly help: boolean;
}

export const DEFAULT_N = 1_000_000;
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** Parses argv (without node and the script); unknown cases or options throw with a usage hint. */
export function parseBenchArgs(argv: readonly string[], caseNames: readonly string[]): BenchArgs {
  const cases: string[] = [];
  let n = DEFAULT_N;
  let nGiven = false;
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  let cpuProfileDir: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--n':
      case '-n':
        n = positiveInteger(flag, value().replace(/_/g, ''));
        nGiven = true;
        break;
      case '--timeout':
        timeoutSeconds = positiveInteger(flag, value());
        break;
      case '--cpu-prof':
        cpuProfileDir = value();
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        if (flag.startsWith('-')) throw new Error(`unknown option ${flag}`);
        if (!caseNames.includes(flag)) throw new Error(`unknown case "${flag}" (cases: ${caseNames.join(', ')})`);
        if (!cases.includes(flag)) cases.push(flag);
    }
  }
  return { cases: cases.length ? cases : [...caseNames], n, nGiven, timeoutSeconds, ...(cpuProfileDir !== undefined ? { cpuProfileDir } : {}), help };
}

/** N for one case: --n when given, else the case's own default (a slow reference moves fewer), else DEFAULT_N. */
export function caseN(args: Pick<BenchArgs, 'n' | 'nGiven'>, caseDefaultN: number | undefined): number {
  return args.nGiven || caseDefaultN === undefined ? args.n : caseDefaultN;
}

function positiveInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${flag} expects a positive integer, got "${text}"`);
  return Number(text);
}
