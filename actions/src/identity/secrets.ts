import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A 256-bit random token with a readable prefix: `wgr_` refresh, `wgk_` API key, `wge_` emailed. */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens are 256-bit random values, so a fast hash is enough: nobody can guess their way to a
 * preimage, and the database never holds anything that opens a session by itself.
 */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Authenticated encryption (AES-256-GCM) for the few secrets that must be read back. */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.#key = key;
  }

  /** From SECRETS_KEY (32 bytes, base64), or derived from a fallback secret when none is set. */
  static fromConfig(secretsKey: string, fallbackSecret?: string): SecretBox;
  static fromConfig(secretsKey: string | undefined, fallbackSecret: string): SecretBox;
  static fromConfig(secretsKey: string | undefined, fallbackSecret = ''): SecretBox {
    if (secretsKey !== undefined) {
      const raw = Buffer.from(secretsKey, 'base64');
      if (raw.length === 32) return new SecretBox(raw);
    }
    const base = secretsKey ?? fallbackSecret;
    return new SecretBox(Buffer.from(hkdfSync('sha256', base, 'workgrid', 'workgrid secrets key v1', 32)));
  }

  /** `v1.<iv>.<ciphertext+tag>` (base64url), bound to `context` so a value cannot be moved between uses. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** HMAC-SHA256 of message (base64url) under a subkey of this box's key for `context`: signed links. */
  mac(message: string, context: string): string {
    const subkey = Buffer.from(hkdfSync('sha256', this.#key, 'workgrid mac', context, 32));
    return createHmac('sha256', subkey).update(message).digest('base64url');
  }

  open(sealed: string, context: string): string {
    const [version, iv, body] = sealed.split('.');
    if (version !== 'v1' || iv === undefined || body === undefined) throw new Error('not a sealed value');
    const raw = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8');
  }
}
