import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The secret that signs access tokens (HS256). Read from JWT_SECRET_FILE; on a first start with
 * no file there, 64 random bytes are made and kept (readable by the owner only), so tokens stay
 * valid across restarts. Every API replica must read the same file (deploy/ mounts one).
 * A file that is short or still holds a deployment placeholder stops the start.
 */
export function loadOrCreateJwtSecret(file: string, log: (message: string) => void): string {
  const path = resolve(file);
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length < 32 || secret.includes('REPLACE-ME')) {
      throw new Error(
        `the token secret in ${path} (JWT_SECRET_FILE) is a placeholder or shorter than 32 characters`,
      );
    }
    return secret;
  }
  const secret = randomBytes(64).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it a moment ago: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateJwtSecret(file, log);
    throw error;
  }
  log(`created a new secret for signing access tokens in ${path}`);
  return secret;
}
