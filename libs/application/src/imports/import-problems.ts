/** A problem with the file as a whole: nothing of it is imported. */
export interface FileProblem {
  /** `empty-file`, `not-a-spreadsheet`, `file-too-large`, `formula`, `merged-cells`, ... */
  rule: string;
  message: string;
  sheet?: string;
  /** The cell (`C7`) or range (`A3:B3`) at fault, when there is one. */
  cell?: string;
  column?: string;
}

/** The file could not be read as an import; every problem found is named. */
export class UnreadableImport extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'UnreadableImport';
  }
}
