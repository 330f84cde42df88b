/**
 * XXH3 128-bit (seed 0, default secret): the hash GKO feeds into the UUIDs of v2 APIs, plans and pages
 * (GKO: `internal/uuid/uuid.go`, which uses `github.com/zeebo/xxh3`).
 *
 * Written for the short seeds GKO hashes (a namespaced name, a UUID plus a key), with `bigint` arithmetic
 * modulo 2^64; every length is supported so that an unusually long plan name still gives GKO's id.
 */

/** A 128-bit hash as two unsigned 64-bit halves. */
export interface Hash128 {
  hi: bigint;
  lo: bigint;
}

const MASK64 = (1n << 64n) - 1n;
const MASK32 = (1n << 32n) - 1n;

const PRIME32_1 = 0x9e3779b1n;
const PRIME32_2 = 0x85ebca77n;
const PRIME32_3 = 0xc2b2ae3dn;
const PRIME64_1 = 0x9e3779b185ebca87n;
const PRIME64_2 = 0xc2b2ae3d27d4eb4fn;
const PRIME64_3 = 0x165667b19e3779f9n;
const PRIME64_4 = 0x85ebca77c2b2ae63n;
const PRIME64_5 = 0x27d4eb2f165667c5n;
const MIX_MULTIPLIER = 0x9fb21c651e98df25n;
const AVALANCHE_MULTIPLIER = 0x165667919e3779f9n;

/** The 192-byte default secret of XXH3 (`kSecret` in the reference implementation). */
const SECRET = Buffer.from(
  'b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671f' +
    'cb79e64eccc0e578825ad07dccff7221b8084674f743248ee03590e6813a264c' +
    '3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8' +
    'a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364' +
    'eac5ac8334d3ebc3c581a0fffa1363eb170ddd51b7f0da49d316552629d4689e' +
    '2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e',
  'hex',
);
const SECRET_SIZE = SECRET.length;
const STRIPE_LENGTH = 64;
const STRIPES_PER_BLOCK = (SECRET_SIZE - STRIPE_LENGTH) / 8;
const BLOCK_LENGTH = STRIPE_LENGTH * STRIPES_PER_BLOCK;

const u64 = (value: bigint): bigint => value & MASK64;
const read64 = (bytes: Uint8Array, offset: number): bigint =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigUInt64LE(offset);
const read32 = (bytes: Uint8Array, offset: number): bigint =>
  BigInt(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(offset));
const secret64 = (offset: number): bigint => SECRET.readBigUInt64LE(offset);
const secret32 = (offset: number): bigint => BigInt(SECRET.readUInt32LE(offset));

function multiply128(a: bigint, b: bigint): Hash128 {
  const product = a * b;
  return { hi: u64(product >> 64n), lo: u64(product) };
}

function multiplyFold64(a: bigint, b: bigint): bigint {
  const { hi, lo } = multiply128(a, b);
  return hi ^ lo;
}

function swap64(value: bigint): bigint {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  return buffer.readBigUInt64BE();
}

function swap32(value: bigint): bigint {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(Number(value));
  return BigInt(buffer.readUInt32BE());
}

function rotateLeft32(value: bigint, bits: bigint): bigint {
  return ((value << bits) | (value >> (32n - bits))) & MASK32;
}

function xxh64Avalanche(value: bigint): bigint {
  let h = value;
  h ^= h >> 33n;
  h = u64(h * PRIME64_2);
  h ^= h >> 29n;
  h = u64(h * PRIME64_3);
  return h ^ (h >> 32n);
}

function xxh3Avalanche(value: bigint): bigint {
  let h = value ^ (value >> 37n);
  h = u64(h * AVALANCHE_MULTIPLIER);
  return h ^ (h >> 32n);
}

/** Mixes 16 input bytes with 16 secret bytes. */
function mix16(input: Uint8Array, offset: number, secretOffset: number): bigint {
  return multiplyFold64(
    read64(input, offset) ^ secret64(secretOffset),
    read64(input, offset + 8) ^ secret64(secretOffset + 8),
  );
}

/** Mixes two 16-byte lanes into both halves of the accumulator. */
function mix32(acc: Hash128, input: Uint8Array, first: number, second: number, secretOffset: number): void {
  acc.lo = u64(acc.lo + mix16(input, first, secretOffset));
  acc.lo ^= u64(read64(input, second) + read64(input, second + 8));
  acc.hi = u64(acc.hi + mix16(input, second, secretOffset + 16));
  acc.hi ^= u64(read64(input, first) + read64(input, first + 8));
}

function hashUpTo3(input: Uint8Array): Hash128 {
  const length = BigInt(input.length);
  const first = BigInt(input[0] ?? 0);
  const middle = BigInt(input[input.length >> 1] ?? 0);
  const last = BigInt(input[input.length - 1] ?? 0);
  const combinedLo = (first << 16n) | (middle << 24n) | last | (length << 8n);
  const combinedHi = rotateLeft32(swap32(combinedLo), 13n);
  return {
    lo: xxh64Avalanche(combinedLo ^ (secret32(0) ^ secret32(4))),
    hi: xxh64Avalanche(combinedHi ^ (secret32(8) ^ secret32(12))),
  };
}

function hash4To8(input: Uint8Array): Hash128 {
  const length = BigInt(input.length);
  const combined = read32(input, 0) + (read32(input, input.length - 4) << 32n);
  const keyed = combined ^ (secret64(16) ^ secret64(24));
  const m = multiply128(keyed, u64(PRIME64_1 + (length << 2n)));
  m.hi = u64(m.hi + (m.lo << 1n));
  m.lo ^= m.hi >> 3n;
  m.lo ^= m.lo >> 35n;
  m.lo = u64(m.lo * MIX_MULTIPLIER);
  m.lo ^= m.lo >> 28n;
  return { lo: m.lo, hi: xxh3Avalanche(m.hi) };
}

function hash9To16(input: Uint8Array): Hash128 {
  const length = BigInt(input.length);
  const flipLo = secret64(32) ^ secret64(40);
  const flipHi = secret64(48) ^ secret64(56);
  const inputLo = read64(input, 0);
  let inputHi = read64(input, input.length - 8);
  const m = multiply128(inputLo ^ inputHi ^ flipLo, PRIME64_1);
  m.lo = u64(m.lo + ((length - 1n) << 54n));
  inputHi ^= flipHi;
  m.hi = u64(m.hi + inputHi + (inputHi & MASK32) * (PRIME32_2 - 1n));
  m.lo ^= swap64(m.hi);
  const h = multiply128(m.lo, PRIME64_2);
  h.hi = u64(h.hi + m.hi * PRIME64_2);
  return { lo: xxh3Avalanche(h.lo), hi: xxh3Avalanche(h.hi) };
}

/** Common ending of the 17–240 byte paths. */
function finishMidsize(acc: Hash128, length: bigint): Hash128 {
  const lo = u64(acc.lo + acc.hi);
  const hi = u64(acc.lo * PRIME64_1 + acc.hi * PRIME64_4 + length * PRIME64_2);
  return { lo: xxh3Avalanche(lo), hi: u64(-xxh3Avalanche(hi)) };
}

function hash17To128(input: Uint8Array): Hash128 {
  const n = input.length;
  const acc: Hash128 = { lo: u64(BigInt(n) * PRIME64_1), hi: 0n };
  if (n > 32) {
    if (n > 64) {
      if (n > 96) mix32(acc, input, 48, n - 64, 96);
      mix32(acc, input, 32, n - 48, 64);
    }
    mix32(acc, input, 16, n - 32, 32);
  }
  mix32(acc, input, 0, n - 16, 0);
  return finishMidsize(acc, BigInt(n));
}

function hash129To240(input: Uint8Array): Hash128 {
  const n = input.length;
  const acc: Hash128 = { lo: u64(BigInt(n) * PRIME64_1), hi: 0n };
  for (let round = 0; round < 4; round++) mix32(acc, input, 32 * round, 32 * round + 16, 32 * round);
  acc.lo = xxh3Avalanche(acc.lo);
  acc.hi = xxh3Avalanche(acc.hi);
  // Rounds past the first 128 bytes read the secret from offset 3 on.
  for (let round = 4; round < Math.floor(n / 32); round++) {
    mix32(acc, input, 32 * round, 32 * round + 16, 3 + 32 * (round - 4));
  }
  mix32(acc, input, n - 16, n - 32, 103);
  return finishMidsize(acc, BigInt(n));
}

function accumulateStripe(acc: bigint[], input: Uint8Array, offset: number, secretOffset: number): void {
  for (let lane = 0; lane < 8; lane++) {
    const value = read64(input, offset + 8 * lane);
    const keyed = value ^ secret64(secretOffset + 8 * lane);
    acc[lane ^ 1] = u64((acc[lane ^ 1] as bigint) + value);
    acc[lane] = u64((acc[lane] as bigint) + (keyed & MASK32) * (keyed >> 32n));
  }
}

function scramble(acc: bigint[]): void {
  for (let lane = 0; lane < 8; lane++) {
    let value = acc[lane] as bigint;
    value ^= value >> 47n;
    value ^= secret64(SECRET_SIZE - STRIPE_LENGTH + 8 * lane);
    acc[lane] = u64(value * PRIME32_1);
  }
}

function mergeAccumulators(acc: bigint[], secretOffset: number, start: bigint): bigint {
  let result = start;
  for (let pair = 0; pair < 4; pair++) {
    result = u64(
      result +
        multiplyFold64(
          (acc[2 * pair] as bigint) ^ secret64(secretOffset + 16 * pair),
          (acc[2 * pair + 1] as bigint) ^ secret64(secretOffset + 16 * pair + 8),
        ),
    );
  }
  return xxh3Avalanche(result);
}

function hashLong(input: Uint8Array): Hash128 {
  const n = input.length;
  const acc = [PRIME32_3, PRIME64_1, PRIME64_2, PRIME64_3, PRIME64_4, PRIME32_2, PRIME64_5, PRIME32_1];
  const blocks = Math.floor((n - 1) / BLOCK_LENGTH);
  for (let block = 0; block < blocks; block++) {
    for (let stripe = 0; stripe < STRIPES_PER_BLOCK; stripe++) {
      accumulateStripe(acc, input, block * BLOCK_LENGTH + stripe * STRIPE_LENGTH, stripe * 8);
    }
    scramble(acc);
  }
  const tailStripes = Math.floor((n - 1 - blocks * BLOCK_LENGTH) / STRIPE_LENGTH);
  for (let stripe = 0; stripe < tailStripes; stripe++) {
    accumulateStripe(acc, input, blocks * BLOCK_LENGTH + stripe * STRIPE_LENGTH, stripe * 8);
  }
  // The last 64 bytes always make a stripe of their own, against the secret's end minus 7 bytes.
  accumulateStripe(acc, input, n - STRIPE_LENGTH, SECRET_SIZE - STRIPE_LENGTH - 7);
  const length = BigInt(n);
  return {
    lo: mergeAccumulators(acc, 11, u64(length * PRIME64_1)),
    hi: mergeAccumulators(acc, SECRET_SIZE - STRIPE_LENGTH - 11, u64(~(length * PRIME64_2))),
  };
}

/**
 * XXH3-128 of some bytes (seed 0, default secret).
 *
 * @example
 * xxh3Hash128(Buffer.alloc(0)); // { hi: 0x99aa06d3014798d8n, lo: 0x6001c324468d497fn }
 */
export function xxh3Hash128(input: Uint8Array): Hash128 {
  const n = input.length;
  if (n === 0) {
    return {
      lo: xxh64Avalanche(secret64(64) ^ secret64(72)),
      hi: xxh64Avalanche(secret64(80) ^ secret64(88)),
    };
  }
  if (n <= 3) return hashUpTo3(input);
  if (n <= 8) return hash4To8(input);
  if (n <= 16) return hash9To16(input);
  if (n <= 128) return hash17To128(input);
  if (n <= 240) return hash129To240(input);
  return hashLong(input);
}
