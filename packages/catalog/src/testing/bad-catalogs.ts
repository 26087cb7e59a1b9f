import type { BadCatalog } from './bad-catalog-edits.js';
import { awsMistakes } from './bad-catalogs-aws.js';
import { consumersMistakes } from './bad-catalogs-consumers.js';
import { documentMistakes } from './bad-catalogs-document.js';
import { environmentsMistakes } from './bad-catalogs-environments.js';
import { gatewayMistakes } from './bad-catalogs-gateway.js';
import { kongMistakes } from './bad-catalogs-kong.js';
import { routesMistakes } from './bad-catalogs-routes.js';
import { servicesMistakes } from './bad-catalogs-services.js';

export { type Edit, shipped, shippedCatalogText } from './bad-catalog-edits.js';

/**
 * Bad catalogs shared by the loader's unit tests and the CLI's end-to-end test (which also proves
 * exit code 2 and that nothing is written). Each is the shipped catalog with one mistake: its name,
 * its bytes and the message it must produce (substring) with the key path it must name.
 */
export const badCatalogs: readonly BadCatalog[] = [
  ...documentMistakes,
  ...environmentsMistakes,
  ...servicesMistakes,
  ...gatewayMistakes,
  ...routesMistakes,
  ...kongMistakes,
  ...awsMistakes,
  ...consumersMistakes,
];
