import { SMALL_COUNT_THRESHOLD, type PublicCount } from './suppression';

/**
 * The finest figures behind the public page: homes counted in one quarter, under one
 * initiative, in one municipality. Every published figure is a sum of some of them.
 */
export interface HomesAtom {
  year: number;
  quarter: number;
  initiative: string;
  municipality: string;
  homes: number;
}

/** The breakdowns the public page publishes together, each a partition of the same homes. */
export const publicTables = {
  byYear: (atom: HomesAtom) => String(atom.year),
  byQuarter: (atom: HomesAtom) => `${atom.year}-Q${atom.quarter}`,
  byInitiative: (atom: HomesAtom) => atom.initiative,
  byMunicipality: (atom: HomesAtom) => atom.municipality,
} as const;
export type PublicTable = keyof typeof publicTables;

export interface PublishedCell {
  table: PublicTable;
  key: string;
  shown: PublicCount;
}

export interface LinkedTables {
  /** The total, public unless it is itself small. */
  total: PublicCount;
  cells: PublishedCell[];
}

interface Cell {
  table: PublicTable;
  key: string;
  /** The atoms the cell adds up, as a bit set over the atoms' indexes. */
  atoms: bigint;
  homes: number;
  state: 'shown' | 'small' | 'hidden';
}

/**
 * Small-cell suppression that holds across every table published together (issue 17).
 *
 * Hiding the cells below 5 in each table on its own is not enough: the tables describe the same
 * homes, so one can be subtracted from another. With 2018 at 20 homes and Kollegiemodellen's 18
 * all in 2018, 2018 minus Kollegiemodellen gives the hidden Hjem til Dig cell; a year whose
 * only homes came through UKHome gives UKHome's hidden cell by itself. So the cells are kept as
 * sets of atoms (quarter × initiative × municipality), and an attacker who knows which atoms
 * each figure covers is played against the page until it finds nothing. It tries, for every
 * hidden cell:
 *
 * - a published figure (the total or a shown cell) that covers exactly the same atoms;
 * - a published figure minus the shown cells of another table that lie inside it (a table
 *   against its total, a year against its quarters, a year against the initiatives in it);
 * - the shown cells of another table that together cover exactly its atoms (quarters adding up
 *   to a hidden year).
 *
 * Whenever it succeeds, the smallest shown figure the attack used is hidden too, and the
 * attacker tries again. Each round hides one more cell, so it ends; the grand total is never
 * hidden to protect a cell (it is the page's headline), only when it is small itself.
 */
export function suppressLinkedTables(atoms: readonly HomesAtom[]): LinkedTables {
  const counted = atoms.filter((atom) => atom.homes > 0);
  const all = counted.length === 0 ? 0n : (1n << BigInt(counted.length)) - 1n;
  const totalHomes = counted.reduce((sum, atom) => sum + atom.homes, 0);
  const cells = cellsOf(counted);
  for (const cell of cells) if (cell.homes < SMALL_COUNT_THRESHOLD) cell.state = 'small';

  for (;;) {
    const attack = firstAttack(cells, all);
    if (!attack) break;
    const candidates = attack.used.filter((cell) => cell.atoms !== all);
    if (candidates.length === 0) break;
    const smallest = candidates.reduce((a, b) => (b.homes < a.homes ? b : a));
    smallest.state = 'hidden';
  }
  return {
    total: totalHomes > 0 && totalHomes < SMALL_COUNT_THRESHOLD ? '<5' : totalHomes,
    cells: cells.map(({ table, key, homes, state }) => ({
      table,
      key,
      shown: state === 'shown' ? homes : state === 'small' ? '<5' : 'hidden',
    })),
  };
}

function cellsOf(atoms: readonly HomesAtom[]): Cell[] {
  const cells: Cell[] = [];
  for (const [table, keyOf] of Object.entries(publicTables) as Array<
    [PublicTable, (atom: HomesAtom) => string]
  >) {
    const byKey = new Map<string, Cell>();
    atoms.forEach((atom, index) => {
      const key = keyOf(atom);
      let cell = byKey.get(key);
      if (!cell) {
        cell = { table, key, atoms: 0n, homes: 0, state: 'shown' };
        byKey.set(key, cell);
        cells.push(cell);
      }
      cell.atoms |= 1n << BigInt(index);
      cell.homes += atom.homes;
    });
  }
  return cells;
}

/** A hidden cell the attacker recovers, and the shown cells the attack used. */
interface Attack {
  target: Cell;
  used: Cell[];
}

function firstAttack(cells: readonly Cell[], all: bigint): Attack | undefined {
  const hidden = cells.filter((cell) => cell.state !== 'shown');
  if (hidden.length === 0) return undefined;
  const shown = cells.filter((cell) => cell.state === 'shown');
  const tables = Object.keys(publicTables) as PublicTable[];
  const hiddenByAtoms = new Map<bigint, Cell>(hidden.map((cell) => [cell.atoms, cell]));
  const total: Cell = { table: 'byYear', key: 'total', atoms: all, homes: 0, state: 'shown' };

  for (const figure of [total, ...shown]) {
    const same = hiddenByAtoms.get(figure.atoms);
    if (same) return { target: same, used: [figure] };
    for (const table of tables) {
      if (table === figure.table && figure !== total) continue;
      const inside = shown.filter(
        (cell) => cell.table === table && cell !== figure && (cell.atoms & ~figure.atoms) === 0n,
      );
      if (inside.length === 0) continue;
      const rest = inside.reduce((left, cell) => left & ~cell.atoms, figure.atoms);
      const target = hiddenByAtoms.get(rest);
      if (rest !== 0n && target) return { target, used: [figure, ...inside] };
    }
  }
  for (const target of hidden) {
    for (const table of tables) {
      if (table === target.table) continue;
      const inside = shown.filter(
        (cell) => cell.table === table && (cell.atoms & ~target.atoms) === 0n,
      );
      const covered = inside.reduce((union, cell) => union | cell.atoms, 0n);
      if (inside.length > 0 && covered === target.atoms) return { target, used: inside };
    }
  }
  return undefined;
}
