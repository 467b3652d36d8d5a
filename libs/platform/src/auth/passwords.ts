import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), from hash-wasm: a
 * WebAssembly build, because the native `argon2` package's prebuilt binary crashed Node on this
 * machine and a source build would make every install depend on a compiler. The parameters are
 * stored in each hash (PHC format), so raising them later keeps old hashes verifiable.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 19 * 1024,
    hashLength: 32,
    outputType: 'encoded',
  });
}

export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** A password for a new user: 24 random bytes, base64url (32 characters, 192 bits). */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** Why a password chosen by a person is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  return undefined;
}
