export * from './types';
export * from './model';
export * from './problems';
export { reconcile, identityKey, baseName, compareFileNames } from './reconcile';
export { applyReconciliation, changesBooks, toImportReport, type MasterBooks } from './apply';
