import { createHash } from 'node:crypto';

const NAMESPACE = 'hjem-til-alle/alliance-ledger/eventstoredb';

/**
 * A UUID derived from its parts (SHA-256, shaped like a version 5 UUID): the same parts always
 * give the same id, so a retried write carries the same EventStoreDB event ids.
 */
export function deterministicUuid(...parts: string[]): string {
  const hash = createHash('sha256');
  hash.update(NAMESPACE, 'utf8');
  for (const part of parts) {
    // Length-prefixed, so ('ab', 'c') and ('a', 'bc') differ.
    hash.update(`\u0000${Buffer.byteLength(part, 'utf8')}:`, 'utf8').update(part, 'utf8');
  }
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The EventStoreDB id of the index-th event a command appends. */
export function commandEventId(commandId: string, index: number): string {
  return deterministicUuid('command-event', commandId, String(index));
}
