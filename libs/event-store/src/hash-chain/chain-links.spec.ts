import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { GENESIS, globalLink, streamLink } from './chain-links';

/** The link as documented: SHA-256(previous ‖ place as int8, big-endian ‖ hash). */
function documentedLink(previous: Buffer, place: number, hash: Buffer): Buffer {
  const placeBytes = Buffer.alloc(8);
  placeBytes.writeBigInt64BE(BigInt(place));
  return createHash('sha256').update(previous).update(placeBytes).update(hash).digest();
}

describe('chain links', () => {
  it('hash the previous link, the place as 8 bytes big-endian and the hash, for any place', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.oneof(
          fc.integer({ min: 1, max: 1000 }),
          fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        ),
        (previous, hash, place) => {
          const [p, h] = [Buffer.from(previous), Buffer.from(hash)];
          expect(streamLink(p, place, h).equals(documentedLink(p, place, h))).toBe(true);
          expect(globalLink(p, place, h).equals(documentedLink(p, place, h))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(streamLink(GENESIS, 2 ** 32 + 5, GENESIS)).toEqual(
      documentedLink(GENESIS, 2 ** 32 + 5, GENESIS),
    );
  });
});
