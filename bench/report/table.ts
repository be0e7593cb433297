/** The results as one Markdown table, and rxbgp's times over each reference daemon's. */
import type { CaseResult } from '../cases/case-types';

export const TABLE_HEADER = ['case', 'seconds', 't99 s', 'prefixes/s', 'sender CPU s', 'receiver CPU s', 'sender peak RSS', 'receiver peak RSS'];

export function formatTable(results: readonly CaseResult[]): string {
  const rows = results.map((r) => {
    const m = r.measurement;
    const seconds = r.status === 'ok' && m?.seconds !== undefined ? fixed(m.seconds, 2) : m ? `${r.status} (${m.received} held)` : r.status;
    const rate = r.status === 'ok' && m?.seconds ? String(Math.round(r.n / m.seconds)) : '—';
    return [
      `${r.name} (${r.sender} → ${r.receiver})`,
      seconds,
      m?.t99Seconds !== undefined ? fixed(m.t99Seconds, 2) : '—',
      rate,
      m?.senderCpuSeconds !== undefined ? fixed(m.senderCpuSeconds, 2) : '—',
      m?.receiverCpuSeconds !== undefined ? fixed(m.receiverCpuSeconds, 2) : '—',
      megabytes(m?.senderPeakRssBytes),
      megabytes(m?.receiverPeakRssBytes),
    ];
  });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(TABLE_HEADER), line(TABLE_HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Which rxbgp case is compared with which reference, and what the comparison isolates. */
export const COMPARISONS: ReadonlyArray<{ readonly rxbgp: string; readonly reference: string; readonly meaning: string }> = [
  { rxbgp: 'emit', reference: 'bird-bird', meaning: 'rxbgp vs BIRD as the sender (BIRD receives both)' },
  { rxbgp: 'emit', reference: 'gobgp-bird', meaning: 'rxbgp vs GoBGP as the sender (BIRD receives both)' },
  { rxbgp: 'ingest', reference: 'bird-bird', meaning: 'rxbgp vs BIRD as the receiver (BIRD sends both)' },
  { rxbgp: 'ingest', reference: 'bird-gobgp', meaning: 'rxbgp vs GoBGP as the receiver (BIRD sends both)' },
];

/** Lines "emit / bird-bird: 1.25× time, 1.10× t99, 2.00× CPU — ..." for each comparison both of whose cases finished. */
export function formatRatios(results: readonly CaseResult[]): string[] {
  const done = new Map(results.filter((r) => r.status === 'ok' && r.measurement?.seconds).map((r) => [r.name, r]));
  const lines: string[] = [];
  for (const c of COMPARISONS) {
    const a = done.get(c.rxbgp)?.measurement;
    const b = done.get(c.reference)?.measurement;
    if (!a || !b) continue;
    const parts = [`${ratio(a.seconds, b.seconds)} time`, `${ratio(a.t99Seconds, b.t99Seconds)} t99`];
    const rxCpu = c.rxbgp === 'emit' ? a.senderCpuSeconds : a.receiverCpuSeconds;
    const refCpu = c.rxbgp === 'emit' ? b.senderCpuSeconds : b.receiverCpuSeconds;
    parts.push(`${ratio(rxCpu, refCpu)} CPU`);
    lines.push(`${c.rxbgp} / ${c.reference}: ${parts.join(', ')} — ${c.meaning}`);
  }
  return lines;
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a !== undefined && b !== undefined && b > 0 ? `${fixed(a / b, 2)}×` : '—';
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${Math.round(bytes / (1024 * 1024))} MB`;
}
