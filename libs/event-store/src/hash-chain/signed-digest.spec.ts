import { generateKeyPairSync } from 'node:crypto';
import { isSignatureValid, SigningKeyMissingError, signDigest } from './signed-digest';

describe('the signed digest', () => {
  const digest = {
    count: 2,
    lastPosition: 1234,
    lastGlobalHash: 'ab'.repeat(32),
    createdAt: '2024-01-01T00:00:00.000Z',
  };

  it('is an Ed25519 signature over the digest that any change breaks', () => {
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const signed = signDigest(digest, pem);
    expect(signed).toMatchObject({ ...digest, algorithm: 'Ed25519' });
    expect(signed.publicKey).toMatch(/BEGIN PUBLIC KEY/);
    expect(isSignatureValid(signed)).toBe(true);
    expect(isSignatureValid({ ...signed, count: 3 })).toBe(false);
  });

  it('says clearly when no key is configured', () => {
    expect(() => signDigest(digest, undefined)).toThrow(SigningKeyMissingError);
    expect(() => signDigest(digest, undefined)).toThrow(/SIGNING_KEY_FILE/);
  });

  it('refuses a key that is not Ed25519', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => signDigest(digest, pem)).toThrow(/Ed25519/);
  });
});
