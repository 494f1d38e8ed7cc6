import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 1024);
let ivOffset = ivPool.length;

/**
 * A fresh random IV. They are drawn from the CSPRNG 1,024 at a time: one call per message cost as much as the
 * encryption itself on the message hot path. Each is handed out once, so no IV repeats under a key.
 */
function nextIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/** AES-256-GCM, as `v1.<iv>.<tag>.<ciphertext>` in base64url. The associated data binds a ciphertext to its place. */
export function seal(key: Buffer, plaintext: string | Buffer, associatedData: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export class IntegrityError extends Error {
  override name = 'IntegrityError';
}

/** Opens what `seal` made, or throws IntegrityError: a tampered or moved ciphertext never yields garbage. */
export function open(key: Buffer, sealed: string, associatedData: string): Buffer {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined)
    throw new IntegrityError('Unknown ciphertext format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new IntegrityError('Ciphertext failed its integrity check');
  }
}

/** Independent 256-bit keys for different purposes, derived from one secret (HKDF-SHA256; `info` names the purpose). */
export function deriveKey(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}

/** A blind-index token: who holds the index key can test for a word; the database alone learns nothing. */
export function blindToken(indexKey: Buffer, word: string): string {
  return createHmac('sha256', indexKey).update(word, 'utf8').digest('hex').slice(0, 32);
}
