import { DEFAULT_N, DEFAULT_TIMEOUT_SECONDS, caseN, parseBenchArgs } from '../../bench/args';

const CASES = ['emit', 'ingest', 'bird-bird'];

describe('parseBenchArgs', () => {
  it('runs every case with the defaults when given nothing', () => {
    expect(parseBenchArgs([], CASES)).toEqual({ cases: CASES, n: DEFAULT_N, nGiven: false, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, help: false });
  });

  it('takes cases in the order given, once each, and --n / --timeout in both spellings', () => {
    expect(parseBenchArgs(['ingest', '--n', '100_000', 'emit', 'ingest', '--timeout=60'], CASES)).toEqual({
      cases: ['ingest', 'emit'],
      n: 100000,
      nGiven: true,
      timeoutSeconds: 60,
      help: false,
    });
    expect(parseBenchArgs(['--n=5'], CASES).n).toBe(5);
    expect(parseBenchArgs(['--cpu-prof', '/tmp/prof'], CASES).cpuProfileDir).toBe('/tmp/prof');
  });

  it("gives a case its own default N unless --n is given, which then applies to every case", () => {
    expect(caseN(parseBenchArgs([], CASES), undefined)).toBe(DEFAULT_N);
    expect(caseN(parseBenchArgs([], CASES), 20000)).toBe(20000);
    expect(caseN(parseBenchArgs(['--n', '5000'], CASES), 20000)).toBe(5000);
    expect(caseN(parseBenchArgs([`--n=${DEFAULT_N}`], CASES), 20000)).toBe(DEFAULT_N);
  });

  it.each([
    [['nope'], /unknown case "nope" \(cases: emit, ingest, bird-bird\)/],
    [['--fast'], /unknown option --fast/],
    [['--n'], /--n needs a value/],
    [['--n', '0'], /--n expects a positive integer, got "0"/],
    [['--timeout', '1.5'], /--timeout expects a positive integer/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, CASES)).toThrow(message);
  });
});
