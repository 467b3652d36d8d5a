import { randomUUID } from 'node:crypto';
import { validationFailed } from '../../http-errors/field-problems';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * The command id: the client's Idempotency-Key when sent (so a retried request records once),
 * else a new UUID. The event store keeps at most 200 characters of it.
 */
export function commandIdFrom(header: string | string[] | undefined): string {
  if (header === undefined) return randomUUID();
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw validationFailed([
      {
        field: 'Idempotency-Key',
        rule: 'idempotency-key-format',
        message: "must be 1-200 letters, digits, '.', '_', ':' or '-'",
      },
    ]);
  }
  return header;
}
