// Property names that can change an object's prototype when copied around (prototype pollution);
// imported files never get to use them as keys.

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}
