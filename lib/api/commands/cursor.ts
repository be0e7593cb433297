/**
 * A read position over a tokenized command line, and the one error type the command parsers throw.
 * Parsers throw CommandSyntaxError (never anything else on bad input); parseCommand catches it and
 * returns `{ ok: false, error }`, so a malformed line never escapes as an exception.
 */
import { nearestKey } from '../../wire/nearest-key';
import type { Tokens } from './tokenize';

export class CommandSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandSyntaxError';
  }
}

export class Cursor {
  /** Index of the next word to read. */
  index = 0;

  constructor(readonly tokens: Tokens) {}

  get words(): readonly string[] {
    return this.tokens.words;
  }

  atEnd(): boolean {
    return this.index >= this.tokens.words.length;
  }

  /** The next word without consuming it, or undefined at the end of the line. */
  peek(): string | undefined {
    return this.tokens.words[this.index];
  }

  /** Consumes and returns the next word; `what` names it in the error when the line ends first. */
  next(what: string): string {
    const word = this.tokens.words[this.index];
    if (word === undefined) this.failAtEnd(`expected ${what}`);
    this.index++;
    return word;
  }

  /** Consumes the next word if it equals `word`. */
  accept(word: string): boolean {
    if (this.tokens.words[this.index] !== word) return false;
    this.index++;
    return true;
  }

  /** Throws `<reason>: "<word>" (word N, column C)<hint>` about the word at `index` (default: the last one read). */
  fail(reason: string, index = this.index - 1, hint = ''): never {
    const word = this.tokens.words[index];
    if (word === undefined) this.failAtEnd(reason);
    throw new CommandSyntaxError(`${reason}: "${word}" (word ${index + 1}, column ${this.tokens.starts[index] + 1})${hint}`);
  }

  /**
   * fail() for a word that is none of `choices`, adding `; did you mean "<choice>"?` when one is
   * close enough to be a typo (`annouce` → `announce`, `shwo` → `show`), as config errors do.
   */
  failUnknown(reason: string, choices: readonly string[], index = this.index - 1): never {
    const word = this.tokens.words[index];
    const near = word === undefined ? undefined : nearestKey(word, choices);
    return this.fail(reason, index, near === undefined ? '' : `; did you mean "${near}"?`);
  }

  /** Throws `<reason>, but the line ends (column C)`. */
  failAtEnd(reason: string): never {
    throw new CommandSyntaxError(`${reason}, but the line ends (column ${this.tokens.line.trimEnd().length + 1})`);
  }

  /** Throws unless every word was consumed. */
  expectEnd(what: string): void {
    if (this.index < this.tokens.words.length) this.fail(`unexpected word after ${what}`, this.index);
  }
}
