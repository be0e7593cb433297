/**
 * Waking a BIRD sender's main loop. BIRD 2.0's io_loop sleeps in poll() for up to 3000 ms when it
 * sees no pending event, and a sender's last UPDATE and End-of-RIB regularly wait out that sleep
 * (traced with 1 M prefixes: the last 64 arrived 3.0 s after the rest). A one-line command on the
 * control socket every few tens of milliseconds wakes it; it is the same for every receiver, so the
 * sender-to-receiver times measure the transfer, not where in that sleep the feed happened to end.
 */
import type { BirdControl } from './bird-control';

/** How often a sender is woken: well under the 3 s it would sleep, and one small read for BIRD. */
export const SENDER_WAKE_MS = 50;

/** Starts waking through `control`; returns the function that stops it. Never overlaps commands. */
export function wakeBirdEvery(control: BirdControl, intervalMs: number = SENDER_WAKE_MS): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const done = () => void (busy = false);
    control.command('show status').then(done, done);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
