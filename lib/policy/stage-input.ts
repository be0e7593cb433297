/**
 * The observable a policy stage's operator is applied to: what Subject does, for the few
 * subscribers a policy makes (usually one), without Subject's per-value cost. RxJS's CommonJS build
 * walks a Subject's observers with a down-levelled for..of (an iterator object per value); a chain
 * of three policies pays that three times per batch, which on a full table is a measurable share
 * of the whole chain.
 */
import { Observable, type Subscriber } from 'rxjs';

export class StageInput<T> extends Observable<T> {
  private subscribers: Array<Subscriber<T>> = [];
  private closed = false;

  constructor() {
    super((subscriber) => {
      if (this.closed) {
        subscriber.complete();
        return undefined;
      }
      this.subscribers = [...this.subscribers, subscriber];
      return () => {
        this.subscribers = this.subscribers.filter((s) => s !== subscriber);
      };
    });
  }

  next(value: T): void {
    const subscribers = this.subscribers;
    if (subscribers.length === 1) subscribers[0].next(value);
    else for (let i = 0; i < subscribers.length; i++) subscribers[i].next(value);
  }

  complete(): void {
    this.closed = true;
    const subscribers = this.subscribers;
    this.subscribers = [];
    for (const s of subscribers) s.complete();
  }
}
