// Random ids, codes and secrets of sessions, and how they are kept: only a hash of a secret is
// stored, and hashes are compared in constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { makeJoinCode } from '../src/core/joinCode';

export const newJoinCode = (): string => makeJoinCode((n) => randomInt(n));
export const newSecret = (): string => randomBytes(24).toString('base64url');
export const newTableId = (): string => `t${randomBytes(6).toString('base64url')}`;
export const randomIndex = (n: number): number => randomInt(n);

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
