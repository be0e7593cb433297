/** Short names of events and messages for the reasons the FSM reports ('down' effects, lastError). */
import type { Message } from '../wire/types';
import type { Effect, FsmEvent } from './types';

const MESSAGE_NAMES: Record<Message['type'], string> = {
  open: 'OPEN',
  update: 'UPDATE',
  notification: 'NOTIFICATION',
  keepalive: 'KEEPALIVE',
  'route-refresh': 'ROUTE-REFRESH',
};

export function describeEvent(event: FsmEvent): string {
  if (event.type === 'Message') return MESSAGE_NAMES[event.message.type] ?? 'unknown message';
  return event.type;
}

/** OPEN, KEEPALIVE and NOTIFICATION are reported as 'received'; UPDATE and ROUTE-REFRESH have effects of their own. */
export function receivedEffects(event: FsmEvent): Effect[] {
  if (event.type !== 'Message') return [];
  const { message } = event;
  if (message.type === 'open' || message.type === 'keepalive' || message.type === 'notification') {
    return [{ kind: 'received', message }];
  }
  return [];
}
