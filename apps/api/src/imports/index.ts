export * from './cell-values';
export { UnknownImportKind } from './choose-sheets';
export { importCommandId } from './import-check';
export * from './import-plan';
export * from './import-report';
export * from './import.service';
export * from './imports.module';
export * from './kinds';
export * from './spreadsheet-reader';
