/**
 * A stable string key for a set of path attributes plus next hop, used to intern identical
 * attribute sets (a full table shares a few hundred thousand of them) and to group routes so
 * one encoded attribute set carries as many NLRI as fit (DESIGN.md performance principles).
 */
import type { PathAttributes } from '../wire/types';

export function attributeKey(attrs: PathAttributes, nextHop: readonly string[]): string {
  return JSON.stringify([nextHop, attrs], (_k, v) =>
    typeof v === 'bigint' ? `0x${v.toString(16)}` : Buffer.isBuffer(v) ? v.toString('hex') : isBufferJson(v) ? Buffer.from(v.data).toString('hex') : v,
  );
}

function isBufferJson(v: unknown): v is { type: 'Buffer'; data: number[] } {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data);
}
