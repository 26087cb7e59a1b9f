import { edgeKind } from '../edge-kind.js';
import { effectiveAws } from '../environment-overrides.js';
import { dataPlaneKind } from '../resolve-data-plane.js';
import { albEdgeRules } from './alb-edge-rules.js';
import { edgeKeysRules } from './edge-keys-rules.js';
import type { SemanticRule } from './rule.js';

/** `aws.edge.kind` against the options only one kind of edge reads. */
export const edgeRules: readonly SemanticRule[] = [
  {
    id: 'edge-kind',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      const origin = catalog.kong.cloudfrontOriginHeader;
      if (origin === undefined) return;
      const kinds = catalog.environments
        .filter((env) => dataPlaneKind(catalog, env) === 'dedicated')
        .map((env) => {
          const edge = effectiveAws(catalog, env).edge;
          return edge === undefined ? undefined : edgeKind(edge);
        });
      // Absent edges are data-plane-kind's to report; ecsFargate never reads the header.
      if (kinds.length === 0 || kinds.some((k) => k === undefined || k === 'cloudfront')) return;
      report(
        ['kong', 'cloudfrontOriginHeader'],
        `is the secret CloudFront adds and Kong checks, but no dedicated environment sets aws.edge.kind cloudfront (no CloudFront sends it): remove it, or its ${origin.valueEnv} would be required for nothing`,
        true,
      );
    },
  },
  ...albEdgeRules,
  ...edgeKeysRules,
];
