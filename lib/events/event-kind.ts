/**
 * Which kind of event a sink's filter names: the ExaBGP words the process API uses ("update",
 * "state", "notification", "open", "keepalive", "refresh", "fsm"), so a filter reads
 * like an api.receive list.
 */
import type { SessionEvent } from './events';

export const SINK_EVENT_KINDS = ['update', 'state', 'notification', 'open', 'keepalive', 'refresh', 'fsm'] as const;
export type SinkEventKind = (typeof SINK_EVENT_KINDS)[number];

/** The kind of a session event, or undefined for events no sink carries (rib-sent). */
export function sinkKindOf(e: SessionEvent): SinkEventKind | undefined {
  switch (e.kind) {
    case 'update':
    case 'wire-update':
      return 'update';
    case 'connected':
    case 'up':
    case 'down':
      return 'state';
    case 'fsm':
      return 'fsm';
    case 'message':
      switch (e.message.type) {
        case 'notification':
          return 'notification';
        case 'open':
          return 'open';
        case 'keepalive':
          return 'keepalive';
        case 'route-refresh':
          return 'refresh';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}
