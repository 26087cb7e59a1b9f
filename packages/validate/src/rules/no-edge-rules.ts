import { viewerHostHeader } from '@routeplane/model';
import { arr, obj, str } from '../json.js';
import type { RawFinding, Rule } from '../rule.js';
import { deckWithTerraform } from '../tree-index.js';

const ruleId = 'xlayer/kong-no-edge';
const header = viewerHostHeader.toLowerCase();

/** The first line of render-deck's origin check (render-deck/src/origin-check.ts). */
const originCheckMarker = '-- routeplane: only CloudFront knows this value';

/**
 * A Dedicated Cloud Gateway with no CloudFront in front (aws.edge.kind none) takes requests from
 * clients directly: nobody adds the origin secret (so an origin check refuses every request with
 * 403) and nobody sets the viewer-host header (so a route matching it lets the client choose).
 */
export const noEdgeRules: readonly Rule[] = [
  {
    id: ruleId,
    description: `Without CloudFront in front of a Dedicated Cloud Gateway, kong.yaml has no CloudFront origin check and no route matching ${viewerHostHeader}`,
    check: (tree) => {
      const out: RawFinding[] = [];
      for (const { file, tf } of deckWithTerraform(tree.files)) {
        if (obj(tf, 'resource', 'konnect_cloud_gateway_configuration') === undefined) continue;
        if (obj(tf, 'resource', 'aws_cloudfront_distribution') !== undefined) continue;
        const deck = file.documents[0];
        const checks = arr(deck, 'plugins')
          .filter((p) => str(p, 'name') === 'pre-function')
          .filter((p) =>
            arr(p, 'config', 'access').some((c) => String(c).includes(originCheckMarker)),
          );
        if (checks.length > 0) {
          out.push({
            rule: ruleId,
            file: file.path,
            object: 'plugins pre-function',
            message:
              'checks the CloudFront origin secret, but no CloudFront distribution sends it in this environment, so Kong refuses every request with 403',
          });
        }
        for (const service of arr(deck, 'services')) {
          for (const route of arr(service, 'routes')) {
            const matches = Object.keys(obj(route, 'headers') ?? {}).some(
              (k) => k.toLowerCase() === header,
            );
            if (!matches) continue;
            out.push({
              rule: ruleId,
              file: file.path,
              object: `route ${str(route, 'name') ?? '?'}`,
              message: `matches header ${viewerHostHeader}, which no CloudFront function sets in this environment, so the client chooses its value; match hosts instead`,
            });
          }
        }
      }
      return out;
    },
  },
];
