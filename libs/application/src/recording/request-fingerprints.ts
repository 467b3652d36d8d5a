import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@ledger/event-store';
import { IdempotencyKeyReused } from './idempotency';

/** A claim on a command id for one request; released when nothing came of it. */
export interface FingerprintClaim {
  /** True when this call made the claim (the key was new). */
  readonly fresh: boolean;
  /** Forget a fresh claim: the command was refused, so the key may carry a corrected request. */
  release(): Promise<void>;
}

/**
 * Remembers what each command id (the client's Idempotency-Key) was first used for, as the
 * SHA-256 of the command's canonical JSON. The same key with the same command is a retry and is
 * replayed; the same key with anything else is refused (422), as payment APIs do, instead of
 * answering "duplicate" and dropping the new body without a word.
 *
 * The claim is made before the command is decided, so two different requests racing with one key
 * cannot both pass. A command the ledger refuses releases its claim (nothing was recorded, and the
 * client may correct the body and send it again with the same key); after a crash between the
 * claim and the append the claim stays, and only the same request may use the key.
 */
@Injectable()
export class RequestFingerprints {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(commandId: string, commandType: string, command: unknown): Promise<FingerprintClaim> {
    const fingerprint = fingerprintOf(commandType, command);
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency.requests (command_id, command_type, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (command_id) DO NOTHING RETURNING command_id`,
      [commandId, commandType, fingerprint],
    );
    if (inserted.length === 0) {
      const rows: Array<{ fingerprint: string }> = await this.db.query(
        `SELECT fingerprint FROM idempotency.requests WHERE command_id = $1`,
        [commandId],
      );
      // Released by a refusal between the insert and this read: the key is free again.
      if (rows.length === 0) return this.claim(commandId, commandType, command);
      if (rows[0].fingerprint !== fingerprint) {
        throw new IdempotencyKeyReused(
          commandId,
          `the Idempotency-Key ${commandId} was already used for a request with a different body; ` +
            'send a new key for a new request',
        );
      }
      return { fresh: false, release: async () => undefined };
    }
    return {
      fresh: true,
      release: async () => {
        await this.db.query(
          `DELETE FROM idempotency.requests WHERE command_id = $1 AND fingerprint = $2`,
          [commandId, fingerprint],
        );
      },
    };
  }
}

/** SHA-256 of the command type and the command as canonical JSON (keys sorted). */
export function fingerprintOf(commandType: string, command: unknown): string {
  return createHash('sha256').update(canonicalJson({ commandType, command })).digest('hex');
}
