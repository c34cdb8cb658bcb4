// The update offer: a new version waits for the planner; accepting stores pending writes first and then
// activates it; a tab that did not accept is only offered the reload, never reloaded on its own.
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshStores() {
  vi.resetModules();
  const update = await import('../../../src/stores/appUpdate');
  const facilityActions = await import('../../../src/stores/facilityActions');
  return { ...update, $writesInFlight: facilityActions.$writesInFlight as unknown as { get(): number; set(value: number): void } };
}

describe('app update offer', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('offers a waiting version and activates it only when accepted, then reloads this tab', async () => {
    const { $appUpdate, offerUpdate, acceptUpdate, newVersionInControl } = await freshStores();
    const activate = vi.fn();
    const reload = vi.fn();
    expect($appUpdate.get()).toBe('none');
    offerUpdate(activate, reload);
    expect($appUpdate.get()).toBe('available');
    expect(activate).not.toHaveBeenCalled();
    await acceptUpdate();
    expect($appUpdate.get()).toBe('applying');
    expect(activate).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    newVersionInControl(reload); // the new version took over: the tab that accepted reloads into it
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads a tab on its own when the new version took over from another tab', async () => {
    const { $appUpdate, offerUpdate, acceptUpdate, newVersionInControl } = await freshStores();
    const activate = vi.fn();
    const reload = vi.fn();
    offerUpdate(activate, reload);
    newVersionInControl(reload);
    expect(reload).not.toHaveBeenCalled();
    expect($appUpdate.get()).toBe('available');
    await acceptUpdate(); // the planner presses "Herladen" here too: now it reloads (nothing left to activate)
    expect(reload).toHaveBeenCalledTimes(1);
    expect(activate).not.toHaveBeenCalled();
  });

  it('waits for saves in flight before the new version takes over', async () => {
    const { offerUpdate, acceptUpdate, $writesInFlight } = await freshStores();
    const activate = vi.fn();
    offerUpdate(activate, vi.fn());
    $writesInFlight.set(1);
    const accepted = acceptUpdate();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(activate).not.toHaveBeenCalled();
    $writesInFlight.set(0);
    await accepted;
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('does nothing when there is no new version', async () => {
    const { $appUpdate, acceptUpdate } = await freshStores();
    await acceptUpdate();
    expect($appUpdate.get()).toBe('none');
  });
});
