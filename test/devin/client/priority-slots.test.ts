import { describe, expect, it } from 'vitest';
import { PrioritySlots } from '#devin/client/priority-slots.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PrioritySlots', () => {
  it('runs at most `slots` at once and hands a freed slot to the highest priority waiting', async () => {
    const slots = new PrioritySlots(2, new AbortController().signal);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const job = (name: string, priority: number) => {
      const gate = deferred();
      gates.set(name, gate);
      return slots.run(priority, async () => {
        started.push(name);
        await gate.promise;
      });
    };
    const all = [job('a', 1), job('b', 1), job('low', 1), job('high', 9), job('mid', 5), job('mid2', 5)];
    await settle();
    expect(started).toEqual(['a', 'b']);
    gates.get('a')?.resolve();
    await settle();
    expect(started).toEqual(['a', 'b', 'high']);
    gates.get('b')?.resolve();
    await settle();
    gates.get('high')?.resolve();
    await settle();
    // Equal priorities go first come, first served.
    expect(started).toEqual(['a', 'b', 'high', 'mid', 'mid2']);
    for (const gate of gates.values()) gate.resolve();
    await settle();
    for (const gate of gates.values()) gate.resolve();
    await Promise.all(all);
    expect(started.at(-1)).toBe('low');
  });

  it('refuses every waiter with the abort reason once aborted, and new work at once', async () => {
    const controller = new AbortController();
    const slots = new PrioritySlots(1, controller.signal);
    const gate = deferred();
    const running = slots.run(1, () => gate.promise);
    const waiting = slots.run(1, async () => 'never');
    const reason = new Error('page 7 failed for good');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(slots.run(1, async () => 'late')).rejects.toBe(reason);
    gate.resolve();
    await running;
  });

  it('refuses a slot count that is not a positive integer', () => {
    expect(() => new PrioritySlots(0, new AbortController().signal)).toThrow(/got 0/);
  });
});
