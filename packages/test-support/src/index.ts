export { crdFileValidator } from './crd-bundle.js';
export { editFirstDocument, type ParsedDocuments } from './edit-document.js';
export { type FakeCommands, fakeCommands } from './fake-commands.js';
export {
  type HelmTemplateOptions,
  haveSharedCharts,
  helmObjects,
  helmTemplate,
  layerBinary,
  parseRendered,
  type RenderedObject,
  sharedChartsDir,
} from './helm.js';
export {
  haveSharedCrds,
  haveSharedSchemas,
  readSharedSchema,
  repoRoot,
  sharedCrdsDir,
  sharedSchemasDir,
} from './shared-schemas.js';
export {
  crdSchemaFiles,
  crdValidator,
  deckValidator,
  formatSchemaErrors,
} from './strict-schema.js';
export { workflowValidator } from './workflow-schema.js';
