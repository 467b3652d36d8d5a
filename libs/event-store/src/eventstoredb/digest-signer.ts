import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../hash-chain/canonical-json';
import { LogDigest, SignedDigest } from '../hash-chain/chain-verdict';

export class SigningKeyMissingError extends Error {
  constructor() {
    super(
      'signedDigest needs an Ed25519 private key: pass signingKeyPem (PKCS#8 PEM) to the EventStoreDB adapter',
    );
    this.name = 'SigningKeyMissingError';
  }
}

/** The bytes that are signed: canonical JSON of exactly the digest fields. */
export function digestPayload(digest: LogDigest): Buffer {
  const { count, lastPosition, lastGlobalHash, createdAt } = digest;
  return Buffer.from(canonicalJson({ count, lastPosition, lastGlobalHash, createdAt }), 'utf8');
}

/** Signs the digest with an Ed25519 private key (PKCS#8 PEM). */
export function signDigest(digest: LogDigest, privateKeyPem: string | undefined): SignedDigest {
  if (!privateKeyPem) throw new SigningKeyMissingError();
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`signingKeyPem must be an Ed25519 key (got ${privateKey.asymmetricKeyType})`);
  }
  const signature = sign(null, digestPayload(digest), privateKey).toString('base64');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    count: digest.count,
    lastPosition: digest.lastPosition,
    lastGlobalHash: digest.lastGlobalHash,
    createdAt: digest.createdAt,
    algorithm: 'Ed25519',
    signature,
    publicKey,
  };
}

/** What an auditor runs: true when the signature covers exactly these digest fields. */
export function verifySignedDigest(signed: SignedDigest): boolean {
  return verify(
    null,
    digestPayload(signed),
    createPublicKey(signed.publicKey),
    Buffer.from(signed.signature, 'base64'),
  );
}
