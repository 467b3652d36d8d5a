import { sectorLabels, sectors } from '@ledger/domain';
import {
  asDay,
  asList,
  asQuarter,
  asWholeNumber,
  asYesNo,
  CellProblem,
  oneOf,
  slugOf,
} from './cell-values';
import { quarterEnd } from './kinds';

describe('reading spreadsheet cells', () => {
  it('reads Danish, ISO and Excel dates, and refuses days that do not exist', () => {
    expect(asDay('15-05-2018')).toBe('2018-05-15');
    expect(asDay('15.05.2018')).toBe('2018-05-15');
    expect(asDay('1/5/2018')).toBe('2018-05-01');
    expect(asDay('2018-05-15')).toBe('2018-05-15');
    expect(asDay({ day: '2019-01-02' })).toBe('2019-01-02');
    expect(() => asDay('31-02-2020')).toThrow(CellProblem);
    expect(() => asDay('maj 2018')).toThrow('must be a real date');
  });

  it('reads quarters in the usual spellings', () => {
    for (const text of ['2018-Q4', '2018 Q4', 'Q4 2018', '2018K4', '4. kvartal 2018']) {
      expect(asQuarter(text)).toBe('2018-Q4');
    }
    expect(() => asQuarter('2018-Q5')).toThrow(CellProblem);
    expect(quarterEnd('2018-Q4')).toBe('2018-12-31');
    expect(quarterEnd('2020-Q1')).toBe('2020-03-31');
  });

  it('reads whole numbers, yes/no and lists without guessing', () => {
    expect(asWholeNumber('12', 'whole', 'r')).toBe(12);
    expect(() => asWholeNumber('1.000', 'whole', 'r')).toThrow('whole');
    expect(() => asWholeNumber(2.5, 'whole', 'r')).toThrow('whole');
    expect(asYesNo('Ja')).toBe(true);
    expect(asYesNo('nej')).toBe(false);
    expect(() => asYesNo('måske')).toThrow(CellProblem);
    expect(asList('København; Odense\nAarhus')).toEqual(['København', 'Odense', 'Aarhus']);
  });

  it('takes vocabulary by id or Danish label, and makes ids as the seed spells them', () => {
    expect(oneOf('Den almene boligsektor', sectors, sectorLabels)).toBe('social-housing');
    expect(oneOf('CIVIL SOCIETY', sectors, sectorLabels)).toBe('civil-society');
    expect(() => oneOf('rocket science', sectors, sectorLabels)).toThrow('must be one of');
    expect(slugOf('Høje-Taastrup Kommune')).toBe('hoeje-taastrup-kommune');
    expect(slugOf('Ærø Kommune')).toBe('aeroe-kommune');
    expect(slugOf('Røde Kors')).toBe('roede-kors');
  });
});
