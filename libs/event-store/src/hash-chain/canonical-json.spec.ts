import fc from 'fast-check';
import jsonStableStringify from 'json-stable-stringify';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, without spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: true, e: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"e":null,"f":true}]},"b":1}',
    );
  });

  it('gives exactly the bytes the first events were hashed with (json-stable-stringify)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(jsonStableStringify(value));
      }),
      { numRuns: 5000 },
    );
  });
});
