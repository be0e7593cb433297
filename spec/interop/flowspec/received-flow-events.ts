/**
 * What the receive specs read of rxbgp's output: the FlowSpec items of its JSON update events, and
 * the raw bytes behind each event (from a helper getting the same UPDATEs with `"consolidate": true`),
 * checked against `exabgp --decode` of those bytes.
 */
import fs from 'fs';
import { isDeepStrictEqual } from 'util';
import type { ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import { exabgpDecode } from './exabgp-oracle';

/** The items of an event's announce or withdraw section, of the families whose name ends with `suffix` (" flow", " flow-vpn"). */
export function flowItems<T = { string: string }>(event: ExaEvent, section: 'announce' | 'withdraw', suffix = ' flow'): T[] {
  const update = event.neighbor.message?.update as Record<string, Record<string, unknown>> | undefined;
  const part = update?.[section] ?? {};
  const out: T[] = [];
  for (const [family, value] of Object.entries(part)) {
    if (!family.endsWith(suffix)) continue;
    const items = section === 'announce' ? Object.values(value as Record<string, unknown[]>).flat() : (value as unknown[]);
    out.push(...(items as T[]));
  }
  return out;
}

/** The "string" of each rule an event announces or withdraws. */
export function flowRuleStrings(event: ExaEvent, section: 'announce' | 'withdraw', suffix = ' flow'): string[] {
  return flowItems(event, section, suffix).map((i) => i.string);
}

/** The families (" flow" suffixed) an event announces or withdraws. */
export function flowFamiliesOf(event: ExaEvent, suffix = ' flow'): string[] {
  const update = event.neighbor.message?.update;
  return [...Object.keys(update?.announce ?? {}), ...Object.keys(update?.withdraw ?? {})].filter((f) => f.endsWith(suffix));
}

/** The events a recording helper (spec/e2e/fixtures/record-helper.js) wrote to `file`, with the bytes of each UPDATE. */
export class RecordedUpdates {
  constructor(
    private readonly file: string,
    private readonly timeoutMs: number,
  ) {}

  events(): Array<ExaEvent & { neighbor: { message?: unknown } }> {
    if (!fs.existsSync(this.file)) return [];
    return fs.readFileSync(this.file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  }

  /** The raw hex of the UPDATE behind a stdout event: the helper event with the same parsed message. */
  hexOf(event: ExaEvent): string {
    const match = this.events().find((h) => isDeepStrictEqual(h.neighbor.message, event.neighbor.message) && (h as { header?: string }).header);
    if (!match) throw new Error(`no helper event for ${JSON.stringify(event.neighbor.message)}`);
    const raw = match as unknown as { header: string; body: string };
    return raw.header.replace(/^0x/i, '') + (raw.body ?? '').replace(/^0x/i, '');
  }

  /** Each event's message is what `exabgp --decode` prints for the bytes behind it. */
  async expectOracle(events: readonly ExaEvent[]): Promise<void> {
    const recorded = (e: ExaEvent): boolean => {
      try {
        return this.hexOf(e) !== '';
      } catch {
        return false;
      }
    };
    await pollUntil('the helper to record the same UPDATEs', () => (events.every(recorded) ? true : undefined), { timeoutMs: this.timeoutMs });
    const theirs = await exabgpDecode(events.map((e) => this.hexOf(e)));
    events.forEach((event, i) => {
      expect(theirs[i]).not.toMatch(/^FAILED/);
      expect(event.neighbor.message).toEqual(JSON.parse(theirs[i]!));
    });
  }
}
