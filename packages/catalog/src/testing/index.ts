/**
 * Test fixtures for every package: a small catalog resolved by the real loader, so renderers'
 * tests read Models the resolver really produces (`@routeplane/catalog/testing`).
 */
export { fixtureCatalog, fixtureService, replaceServicesAndRoutes } from './fixture-catalog.js';
export {
  type CatalogEdit,
  fixtureEnvironment,
  fixtureModel,
  resolveCatalogData,
} from './fixture-model.js';
export { newEnvironment } from './new-environment.js';
export { usWest2Region, withSecondRegion } from './second-region.js';
