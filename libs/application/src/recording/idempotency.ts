import { createHash } from 'node:crypto';

/**
 * An id for a new thing the client did not name, derived from the command id: the same request
 * sent again with the same Idempotency-Key names the same partner, report or grant, so the retry
 * lands on the same stream and is recognised as a replay. Formatted as a UUID (version 8, the
 * RFC 9562 layout for name-based ids of one's own making).
 */
export function newIdFor(commandId: string, kind: string): string {
  const hex = createHash('sha256').update(`${kind}\u0000${commandId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Idempotency-Key was used before for a different command (on another stream): answering
 * with the first command's result would tell the client something untrue, and recording would
 * break "one key, one command". Answered 422, as the IETF Idempotency-Key draft advises.
 */
export class IdempotencyKeyReused extends Error {
  readonly rule = 'idempotency-key-reused';

  constructor(
    readonly commandId: string,
    message = `the Idempotency-Key ${commandId} was already used for another command`,
  ) {
    super(message);
    this.name = 'IdempotencyKeyReused';
  }
}
