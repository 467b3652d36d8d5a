export * from './cell-values';
export * from './kinds';
export * from './import-plan';
export * from './import.service';
export * from './imports.module';
export * from './spreadsheet-reader';
