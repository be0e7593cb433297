import fs from 'fs';

/** Why `file` cannot be read as a regular file (an errno code or a phrase), or undefined when it can. */
export function fileProblem(file: string): string | undefined {
  try {
    if (!fs.statSync(file).isFile()) return 'not a regular file';
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}
