import { createPrivateKey, createPublicKey, sign, verify as verifySignature } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { LogDigest, SignedDigest } from './chain-verdict';

/** Signs a digest of the log with the configured Ed25519 key, so it can be handed to an auditor. */
export function signDigest(digest: LogDigest, privateKeyPem: string | undefined): SignedDigest {
  if (!privateKeyPem) {
    throw new Error('no signing key is configured (LEDGER_SIGNING_KEY): cannot sign a digest');
  }
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the signing key must be an Ed25519 key (got ${privateKey.asymmetricKeyType})`);
  }
  const payload = Buffer.from(canonicalJson(digestFields(digest)), 'utf8');
  return {
    ...digestFields(digest),
    algorithm: 'Ed25519',
    signature: sign(null, payload, privateKey).toString('base64'),
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** True when the signature covers exactly these digest fields under the digest's public key. */
export function isSignatureValid(digest: SignedDigest): boolean {
  const payload = Buffer.from(canonicalJson(digestFields(digest)), 'utf8');
  return verifySignature(
    null,
    payload,
    createPublicKey(digest.publicKey),
    Buffer.from(digest.signature, 'base64'),
  );
}

function digestFields(digest: LogDigest): LogDigest {
  return {
    count: digest.count,
    lastPosition: digest.lastPosition,
    lastGlobalHash: digest.lastGlobalHash,
    createdAt: digest.createdAt,
  };
}
