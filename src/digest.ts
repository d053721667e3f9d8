// Hashes for the few places that need one (a region's font file, report fingerprints, the
// preview's layout digests). node:crypto is loaded on first use: it costs a run about 15 ms to
// load, and a `validate` of files without problems hashes nothing.

import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

let crypto: Crypto | undefined;

export function createHash(algorithm: 'sha1' | 'sha256'): import('node:crypto').Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return crypto.createHash(algorithm);
}
