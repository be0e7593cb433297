/** Readable NOTIFICATION codes for test messages (RFC 4271 §4.5, Cease subcodes RFC 4486 / 8203 / 9003). */

const CODES: Record<number, string> = {
  1: 'Message Header Error',
  2: 'OPEN Message Error',
  3: 'UPDATE Message Error',
  4: 'Hold Timer Expired',
  5: 'Finite State Machine Error',
  6: 'Cease',
  7: 'ROUTE-REFRESH Message Error',
};

const CEASE_SUBCODES: Record<number, string> = {
  1: 'Maximum Number of Prefixes Reached',
  2: 'Administrative Shutdown',
  3: 'Peer De-configured',
  4: 'Administrative Reset',
  5: 'Connection Rejected',
  6: 'Other Configuration Change',
  7: 'Connection Collision Resolution',
  8: 'Out of Resources',
  9: 'Hard Reset',
};

/** e.g. "Cease (6/2) Administrative Shutdown, data 0x". */
export function notificationText(code: number, subcode: number, data?: string): string {
  const name = CODES[code] ?? 'unknown code';
  const sub = code === 6 ? ` ${CEASE_SUBCODES[subcode] ?? 'unknown subcode'}` : '';
  return `${name} (${code}/${subcode})${sub}${data === undefined ? '' : `, data ${data}`}`;
}
