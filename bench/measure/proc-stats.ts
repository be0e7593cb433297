/**
 * CPU time and peak memory of a process, read from Linux's /proc (proc(5)): utime + stime of
 * /proc/<pid>/stat (all threads, in clock ticks) and VmHWM of /proc/<pid>/status (peak resident set).
 * Must be read while the process is alive.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';

let ticksPerSecond: number | undefined;

/** sysconf(_SC_CLK_TCK), asked once (100 on every Linux seen here). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * utime + stime in ticks from the text of /proc/<pid>/stat. The command name (field 2) is in
 * parentheses and may hold spaces, so fields are counted after the last ')': state is field 3,
 * utime field 14 and stime field 15 (proc(5)).
 */
export function parseStatCpuTicks(stat: string): number {
  const close = stat.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  const fields = stat.slice(close + 2).split(' ');
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`no utime/stime in /proc/<pid>/stat: ${stat.slice(0, 200)}`);
  return utime + stime;
}

/** VmHWM in bytes from the text of /proc/<pid>/status ("VmHWM:   94208 kB"). */
export function parseVmHwmBytes(status: string): number | undefined {
  const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** CPU seconds used so far by `pid`, or undefined if it is gone. */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    return parseStatCpuTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/** Peak resident set of `pid` in bytes, or undefined if it is gone. */
export function readPeakRssBytes(pid: number): number | undefined {
  try {
    return parseVmHwmBytes(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
