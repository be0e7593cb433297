/**
 * What an error says, for log lines. Not `instanceof Error`: a policy module's errors may come from
 * another realm (a module compiled outside the caller's context, as under a test runner), and a
 * policy may throw anything.
 */
export function errorText(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}
