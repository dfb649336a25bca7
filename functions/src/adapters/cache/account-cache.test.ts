import type { Account } from '@jiuyi/shared';
import { createAccountCache } from './account-cache';

const T0 = Date.parse('2026-12-07T09:00:00+08:00');

function countingStore(account: Account) {
  const store = {
    reads: 0,
    current: account,
    async get(id: string) {
      store.reads += 1;
      return id === store.current.id ? store.current : undefined;
    },
  };
  return store;
}

describe('account cache (per warm function, at most 60 s)', () => {
  it('serves a copy for 60 s, then reads again and sees the change', async () => {
    // Prepare
    let now = T0;
    const store = countingStore({
      id: 'a1',
      role: 'outpatient_staff',
      createdAt: '2026-01-01T00:00:00+08:00',
    });
    const cache = createAccountCache(store, { now: () => new Date(now), maxAgeMs: 120_000 });
    const notBefore = new Date(T0 - 10_000);
    await cache.read('a1', notBefore);
    store.current = { ...store.current, status: 'disabled' };
    // Act
    now = T0 + 60_000;
    const atLimit = await cache.read('a1', notBefore);
    now = T0 + 60_001;
    const after = await cache.read('a1', notBefore);
    // Assess: the 120 s asked for is capped at 60 s
    expect(atLimit?.role).toBe('outpatient_staff');
    expect(atLimit?.status).toBeUndefined();
    expect(after?.status).toBe('disabled');
    expect(store.reads).toBe(2);
  });

  it('reads again when the token is newer than the cached copy', async () => {
    // Prepare
    const store = countingStore({ id: 'a1', role: 'patient', createdAt: '2026-01-01T00:00:00+08:00' });
    const cache = createAccountCache(store, { now: () => new Date(T0) });
    await cache.read('a1', new Date(T0 - 5_000));
    store.current = { ...store.current, role: 'records_staff' };
    // Act
    const fresh = await cache.read('a1', new Date(T0 + 1));
    // Assess
    expect(fresh?.role).toBe('records_staff');
    expect(store.reads).toBe(2);
  });

  it('does not cache an unknown account', async () => {
    // Prepare
    const store = countingStore({ id: 'a1', role: 'patient', createdAt: '2026-01-01T00:00:00+08:00' });
    const cache = createAccountCache(store, { now: () => new Date(T0) });
    // Act
    const first = await cache.read('nobody', new Date(T0 - 5_000));
    const second = await cache.read('nobody', new Date(T0 - 5_000));
    // Assess
    expect([first, second]).toEqual([undefined, undefined]);
    expect(store.reads).toBe(2);
  });
});
