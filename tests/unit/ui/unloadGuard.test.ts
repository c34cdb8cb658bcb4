// Reliability plan item 18 (unit side): the "leave this site?" question is there exactly while writes are in flight.
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { guardUnloadWhilePending } from '../../../src/ui/unloadGuard';

function beforeUnload(target: EventTarget): { prevented: boolean; returnValue: unknown } {
  const event = new Event('beforeunload', { cancelable: true }) as Event & { returnValue: unknown };
  // Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets the page set it.
  Object.defineProperty(event, 'returnValue', { value: undefined, writable: true });
  target.dispatchEvent(event);
  return { prevented: event.defaultPrevented, returnValue: event.returnValue };
}

describe('unload guard', () => {
  it('asks before leaving only while a write is in flight, and stops when told', () => {
    const pending = atom(0);
    const target = new EventTarget();
    const stop = guardUnloadWhilePending(pending, target);
    expect(beforeUnload(target)).toEqual({ prevented: false, returnValue: undefined });
    pending.set(1);
    expect(beforeUnload(target)).toEqual({ prevented: true, returnValue: '' });
    pending.set(2);
    pending.set(1);
    expect(beforeUnload(target).prevented).toBe(true);
    pending.set(0);
    expect(beforeUnload(target).prevented).toBe(false);
    pending.set(1);
    stop();
    expect(beforeUnload(target).prevented).toBe(false);
  });
});
