import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALG = 'EdDSA';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** How long the JWKS may be cached (its Cache-Control max-age). */
export const JWKS_MAX_AGE_SECONDS = 300;
/**
 * A new key is published this long before it signs anything, so every verifier has refetched the
 * JWKS by the time the first token signed with it arrives.
 */
export const KEY_PUBLISH_LEAD_SECONDS = JWKS_MAX_AGE_SECONDS + 60;
/** How long a replaced key stays in the JWKS after it stopped signing: its last token must expire first. */
const RETIRED_KEY_GRACE_SECONDS = ACCESS_TOKEN_TTL_SECONDS + 5 * 60;

interface StoredKey {
  kid: string;
  alg: typeof SIGNING_ALG;
  created_at: string;
  private_jwk: JWK;
}

export interface SigningKey {
  kid: string;
  createdAt: Date;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * Ed25519 signing keys in JWT_KEYS_DIR, one JSON file per key (mode 0600). A key is made on first
 * start and whenever the newest is older than the rotation period; it is published at once but
 * signs only after KEY_PUBLISH_LEAD_SECONDS (except the very first key), and a replaced key stays
 * published until every token it signed has expired.
 */
export class KeyStore {
  private constructor(
    private readonly dir: string,
    private readonly rotationMs: number,
    private keys: SigningKey[],
  ) {}

  static async open(dir: string, rotationDays: number, now = new Date()): Promise<KeyStore> {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const store = new KeyStore(dir, rotationDays * 86_400_000, await loadKeys(dir));
    await store.rotateIfDue(now);
    return store;
  }

  private pending: Promise<boolean> | undefined;
  private lastCheck = 0;

  /** rotateIfDue at most once a minute: cheap enough to call before signing every token. */
  async refresh(now = new Date()): Promise<void> {
    if (now.getTime() - this.lastCheck < 60_000) return;
    this.lastCheck = now.getTime();
    await this.rotateIfDue(now);
  }

  /**
   * Picks up keys other replicas sharing the folder have made, then makes a new key when there is
   * none or the newest is due; returns whether it made one. Concurrent calls share one run.
   */
  rotateIfDue(now = new Date()): Promise<boolean> {
    this.pending ??= (async () => {
      try {
        await this.reload();
        const newest = this.keys.at(-1);
        if (newest && now.getTime() - newest.createdAt.getTime() < this.rotationMs) return false;
        await this.rotate(now);
        return true;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  private async reload(): Promise<void> {
    const known = new Set(this.keys.map((key) => key.kid));
    const fresh = (await loadKeys(this.dir)).filter((key) => !known.has(key.kid));
    if (fresh.length > 0) this.keys = [...this.keys, ...fresh].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async rotate(now = new Date()): Promise<SigningKey> {
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
    const kid = `${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
    const stored: StoredKey = { kid, alg: SIGNING_ALG, created_at: now.toISOString(), private_jwk: await exportJWK(privateKey) };
    const file = join(this.dir, `${kid}.json`);
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
    const key = await toSigningKey(stored);
    this.keys = [...this.keys, key].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return key;
  }

  /** Index of the key that signs at `now`: the newest one published long enough, else the oldest. */
  private signerIndex(now: Date): number {
    const ready = this.keys.findLastIndex((key) => now.getTime() - key.createdAt.getTime() >= KEY_PUBLISH_LEAD_SECONDS * 1000);
    if (this.keys.length === 0) throw new Error('no signing key');
    return Math.max(ready, 0);
  }

  signer(now = new Date()): SigningKey {
    return this.keys[this.signerIndex(now)]!;
  }

  /** Public keys to publish: upcoming ones, the signer, and replaced ones whose tokens may still be valid. */
  jwks(now = new Date()): { keys: JWK[] } {
    const signer = this.signerIndex(now);
    const published = this.keys.filter((_key, index) => {
      if (index >= signer) return true;
      const replacedAt = this.keys[index + 1]!.createdAt.getTime() + KEY_PUBLISH_LEAD_SECONDS * 1000;
      return now.getTime() - replacedAt < RETIRED_KEY_GRACE_SECONDS * 1000;
    });
    return { keys: published.map((key) => key.publicJwk) };
  }
}

async function loadKeys(dir: string): Promise<SigningKey[]> {
  // Only finished files: a key being written is `<kid>.json.tmp` until it is renamed.
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  const keys = await Promise.all(files.map((name) => toSigningKey(JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredKey)));
  return keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

async function toSigningKey(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK(stored.private_jwk, SIGNING_ALG)) as CryptoKey;
  const { kty, crv, x } = stored.private_jwk;
  return {
    kid: stored.kid,
    createdAt: new Date(stored.created_at),
    privateKey,
    publicJwk: { kty, crv, x, kid: stored.kid, alg: SIGNING_ALG, use: 'sig' },
  };
}
