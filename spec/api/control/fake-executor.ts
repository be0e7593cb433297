/**
 * A CommandExecutor for tests: `echo <words>` answers the words, `lines <n>` answers n numbered
 * lines, `fail` answers an error with a reason, `throw` throws, `hold` waits until release().
 */
import type { CommandAnswer, CommandExecutor } from '../../../lib/api/control/executor';

export class FakeExecutor implements CommandExecutor {
  readonly calls: Array<{ line: string; source: string }> = [];
  private held: Array<() => void> = [];

  async execute(line: string, source: string): Promise<CommandAnswer> {
    this.calls.push({ line, source });
    const [word, ...rest] = line.split(' ');
    switch (word) {
      case 'echo':
        return { ok: true, lines: [rest.join(' ')] };
      case 'lines':
        return { ok: true, lines: Array.from({ length: Number(rest[0]) }, (_, i) => `line ${i} ${'x'.repeat(80)}`) };
      case 'version':
        return { ok: true, lines: ['rxbgp 0.1.0'] };
      case 'fail':
        return { ok: false, lines: ['no such neighbor'] };
      case 'throw':
        throw new Error('executor exploded');
      case 'hold':
        await new Promise<void>((resolve) => this.held.push(resolve));
        return { ok: true, lines: ['released'] };
      default:
        return { ok: false, lines: [`unknown command: ${line}`] };
    }
  }

  /** Lets every `hold` command finish. */
  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }

  get holding(): number {
    return this.held.length;
  }
}
