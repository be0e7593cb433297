/**
 * Words of a flow command and a read position over them. As ExaBGP's tokeniser does, each of
 * `[ ] { } ; ,` is a word by itself even when glued to its neighbours ("10.0.0.1/32;" is two
 * words), and whitespace separates the others. Errors name the word and its column in the whole
 * line, so a helper can see what was refused and where.
 */

export class FlowSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowSyntaxError';
  }
}

function isPunctuation(c: number): boolean {
  // [ ] { } ; ,
  return c === 91 || c === 93 || c === 123 || c === 125 || c === 59 || c === 44;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

export class FlowCursor {
  readonly words: string[] = [];
  readonly starts: number[] = [];
  /** Index of the next word to read. */
  index = 0;

  /** Splits line[from, end) into words. */
  constructor(readonly line: string, from = 0) {
    const n = line.length;
    let i = from;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const start = i;
      if (isPunctuation(c)) i++;
      else while (i < n && !isSpace(line.charCodeAt(i)) && !isPunctuation(line.charCodeAt(i))) i++;
      this.words.push(line.slice(start, i));
      this.starts.push(start);
    }
  }

  atEnd(): boolean {
    return this.index >= this.words.length;
  }

  peek(offset = 0): string | undefined {
    return this.words[this.index + offset];
  }

  /** Consumes and returns the next word; `what` names it in the error when the line ends first. */
  next(what: string): string {
    const word = this.words[this.index];
    if (word === undefined) this.failAtEnd(`expected ${what}`);
    this.index++;
    return word;
  }

  accept(word: string): boolean {
    if (this.words[this.index] !== word) return false;
    this.index++;
    return true;
  }

  /** Consumes `word` or fails naming what came instead. */
  expect(word: string, why: string): void {
    if (this.atEnd()) this.failAtEnd(`expected "${word}" ${why}`);
    if (!this.accept(word)) this.fail(`expected "${word}" ${why}`, this.index);
  }

  /** Throws `<reason>: "<word>" (column C)` about the word at `index` (default: the last one read). */
  fail(reason: string, index = this.index - 1): never {
    const word = this.words[index];
    if (word === undefined) this.failAtEnd(reason);
    throw new FlowSyntaxError(`${reason}: "${word}" (column ${this.starts[index] + 1})`);
  }

  failAtEnd(reason: string): never {
    throw new FlowSyntaxError(`${reason}, but the line ends (column ${this.line.trimEnd().length + 1})`);
  }
}
