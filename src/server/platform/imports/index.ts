/** The staged-import engine: modules define importers; app.ts builds the engine from them. */
export { defineImporter, type AnyImporter, type Importer, type ImportRow, type ImportScope, type StagedRows, type CommitInput, type Json, type ImportRecord, type UndoInput, type NameChoice, undoConflict } from './importer.ts';
export { undoVersionedRecords, type VersionedRecords } from './undo-versioned.ts';
export { createImportEngine, type ImportEngine } from './engine.ts';
export { importRoutes } from './imports.routes.ts';
