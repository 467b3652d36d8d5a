export * from './cell-values';
export * from './import-kinds';
export * from './import-plan';
export * from './import.service';
export * from './imports.module';
export * from './spreadsheet-reader';
