import Taro from '@tarojs/taro';
import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'jiuyi.largeText';
const listeners = new Set<() => void>();
let cached: boolean | undefined;

function read(): boolean {
  if (cached === undefined) cached = Taro.getStorageSync(STORAGE_KEY) === true;
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turns 大字模式 on or off for every open page and remembers it across launches. */
export function setLargeText(enabled: boolean): void {
  cached = enabled;
  Taro.setStorageSync(STORAGE_KEY, enabled);
  listeners.forEach((listener) => listener());
}

/**
 * Whether 大字模式 is on, and a setter. Pages share one store, so a page left open
 * behind the current one is already up to date when the user goes back.
 */
export function useLargeText(): [boolean, (enabled: boolean) => void] {
  const enabled = useSyncExternalStore(subscribe, read, read);
  const set = useCallback((value: boolean) => setLargeText(value), []);
  return [enabled, set];
}
