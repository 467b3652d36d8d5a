import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The Ed25519 key that signs digests of the log. Read from SIGNING_KEY_FILE; on a first start
 * with no key there, one is made and kept (readable by the owner only), so a later digest is
 * signed by the same key as an earlier one.
 */
export function loadOrCreateSigningKey(file: string, log: (message: string) => void): string {
  const path = resolve(file);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  const pem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  log(`created a new Ed25519 signing key for digests of the log in ${path}`);
  return pem;
}
