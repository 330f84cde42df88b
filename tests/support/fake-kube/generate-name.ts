import { randomInt } from 'node:crypto';

/** The alphabet of apiserver-generated name suffixes (no vowels, no look-alike characters). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` + 5 random characters, as names.SimpleNameGenerator does. */
export function generateName(base: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${base.slice(0, 253 - 5)}${suffix}`;
}
