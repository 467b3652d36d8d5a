import { createPrivateKey, createPublicKey, sign, verify as verifySignature } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { LogDigest, SignedDigest } from './chain-verdict';

/** signedDigest() was asked for, but no Ed25519 key is configured. */
export class SigningKeyMissingError extends Error {
  constructor() {
    super('no signing key is configured (SIGNING_KEY_FILE): cannot sign a digest of the log');
    this.name = 'SigningKeyMissingError';
  }
}

/** The bytes that are signed: canonical JSON of exactly the digest fields. */
function digestPayload(digest: LogDigest): Buffer {
  const { count, lastPosition, lastGlobalHash, createdAt } = digest;
  return Buffer.from(canonicalJson({ count, lastPosition, lastGlobalHash, createdAt }), 'utf8');
}

/** Signs a digest of the log with an Ed25519 private key (PKCS#8 PEM), to hand to an auditor. */
export function signDigest(digest: LogDigest, privateKeyPem: string | undefined): SignedDigest {
  if (!privateKeyPem) throw new SigningKeyMissingError();
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the signing key must be an Ed25519 key (got ${privateKey.asymmetricKeyType})`);
  }
  const { count, lastPosition, lastGlobalHash, createdAt } = digest;
  return {
    count,
    lastPosition,
    lastGlobalHash,
    createdAt,
    algorithm: 'Ed25519',
    signature: sign(null, digestPayload(digest), privateKey).toString('base64'),
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** What an auditor runs: true when the signature covers exactly these digest fields. */
export function isSignatureValid(digest: SignedDigest): boolean {
  return verifySignature(
    null,
    digestPayload(digest),
    createPublicKey(digest.publicKey),
    Buffer.from(digest.signature, 'base64'),
  );
}
