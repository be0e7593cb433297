import { clockTicksPerSecond, parseStatCpuTicks, parseVmHwmBytes, readCpuSeconds, readPeakRssBytes } from '../../../bench/measure/proc-stats';

describe('/proc readers', () => {
  it('adds utime and stime, counting fields after the command name even when it holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = '4242 (bird (a) b) S 1 4242 4242 0 -1 4194560 1500 0 0 0 731 269 0 0 20 0 1 0 12345 98304000 2300';
    expect(parseStatCpuTicks(stat)).toBe(1000);
  });

  it('refuses text that is not a stat line', () => {
    expect(() => parseStatCpuTicks('nothing')).toThrow(/not a \/proc\/<pid>\/stat line/);
    expect(() => parseStatCpuTicks('1 (x) S 1')).toThrow(/no utime\/stime/);
  });

  it('reads VmHWM in bytes', () => {
    expect(parseVmHwmBytes('Name:\tbird\nVmPeak:\t  300000 kB\nVmHWM:\t   94208 kB\nVmRSS:\t   90000 kB\n')).toBe(94208 * 1024);
    expect(parseVmHwmBytes('Name:\tkthreadd\n')).toBeUndefined();
  });

  it('reads this process, and nothing for a PID that does not exist', () => {
    expect(clockTicksPerSecond()).toBeGreaterThan(0);
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(readPeakRssBytes(process.pid)).toBeGreaterThan(1024 * 1024);
    expect(readCpuSeconds(2 ** 30)).toBeUndefined();
    expect(readPeakRssBytes(2 ** 30)).toBeUndefined();
  });
});
