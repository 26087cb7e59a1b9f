export { crdFileValidator, sharedCrdsDir } from './crd-bundle.js';
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
