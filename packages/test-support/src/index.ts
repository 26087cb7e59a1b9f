export {
  haveSharedSchemas,
  readSharedSchema,
  repoRoot,
  sharedSchemasDir,
} from './shared-schemas.js';
export {
  crdSchemaFiles,
  crdValidator,
  deckValidator,
  formatSchemaErrors,
} from './strict-schema.js';
