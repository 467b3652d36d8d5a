import { yearInRange } from '@ledger/application';
import { refuseBodyNotUtf8 } from './utf8-input';
import { textFault, textProblemsIn } from './well-formed-text';

describe('well-formed text', () => {
  it('keeps any text a person can type, pairs of surrogates (emoji) included', () => {
    for (const text of ['Agi Csonka', 'Søren Ærø', '🏠 hjem', 'tab\tand\nline', '']) {
      expect(textFault(text)).toBeUndefined();
    }
  });

  it('refuses NUL and a surrogate without its pair, at either end', () => {
    for (const text of ['a\u0000b', '\ud800', 'a\udc00b', '\udfff\ud800', '🏠'.slice(0, 1)]) {
      expect(textFault(text)).toBeDefined();
    }
  });

  it('names each faulty text by its path, keys included', () => {
    expect(
      textProblemsIn({ name: 'ok', goal: { unit: 'x\u0000' }, scores: [{ body: '\ud800' }] }).map(
        (p) => p.field,
      ),
    ).toEqual(['goal.unit', 'scores[0].body']);
    expect(textProblemsIn({ 'bad\u0000key': 1 })[0]).toMatchObject({ field: 'bad\u0000key' });
  });
});

describe('bytes that are not UTF-8 in a JSON body', () => {
  const refused = (raw: Buffer) => {
    try {
      refuseBodyNotUtf8({} as never, undefined, raw);
      return undefined;
    } catch (error) {
      return (error as { getResponse(): { fields: Array<{ field: string }> } }).getResponse();
    }
  };

  it('lets UTF-8 through and names the field whose text held the bytes', () => {
    expect(refused(Buffer.from('{"name":"Søren 🏠"}'))).toBeUndefined();
    const body = Buffer.concat([
      Buffer.from('{"a":"ok","b":{"c":"x'),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ]);
    expect(refused(body)?.fields.map((f) => f.field)).toEqual(['b.c']);
  });
});

describe('the range of years every date is held to', () => {
  it('is 1900 to 2200, by the year as written', () => {
    expect(['1900-01-01', '2200-12-31T23:59:59Z', '2018-Q4'].map(yearInRange)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['0000-01-01', '1899-12-31', '2201-01-01', '+275760-09-13', '99999-01-01', 2018].map(
        yearInRange,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });
});
