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
  strictify,
} from './strict-schema.js';
