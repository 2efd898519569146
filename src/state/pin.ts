// The facilitator's PIN, kept on this device as a hash. It keeps curious hands out of the panel
// (answers, controls) on a shared classroom laptop; it is not a password to a server.
import { keys, readItem, removeItem, writeItem } from './storage';

const PIN_PATTERN = /^\d{4,8}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

async function hash(pin: string): Promise<string> {
  const salted = `fresque-de-la-democratie:${pin}`;
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salted));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  // Pages served over plain http to another machine have no SubtleCrypto: FNV-1a is enough here.
  let h = 0x811c9dc5;
  for (let i = 0; i < salted.length; i++) h = Math.imul(h ^ salted.charCodeAt(i), 0x01000193);
  return `fnv:${(h >>> 0).toString(16)}`;
}

export function hasPin(): boolean {
  return readItem(keys.pin) !== null;
}

export async function setPin(pin: string): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  return writeItem(keys.pin, await hash(pin));
}

export async function checkPin(pin: string): Promise<boolean> {
  const stored = readItem(keys.pin);
  return stored !== null && stored === (await hash(pin));
}

export function forgetPin(): void {
  removeItem(keys.pin);
}
