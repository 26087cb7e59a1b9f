import type { KongConnectivity } from '@routeplane/model';
import type { Environment, RouteCatalog } from '../catalog.generated.js';
import { parseIpv4Cidr } from '../cidr.js';
import { edgeKind } from '../edge-kind.js';
import { awsValuePath } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import { awsOfKind } from '../resolve-data-plane.js';
import { kongConnectivity } from '../resolve-derived-defaults.js';
import type { SemanticRule } from './rule.js';

type Edge = NonNullable<RouteCatalog['aws']['edge']>;

interface AlbCase {
  readonly env: Environment;
  readonly index: number;
  readonly edge: Edge;
  readonly connectivity: KongConnectivity;
  readonly kongCidr: string;
}

/**
 * Where an ALB takes IP targets outside its VPC: RFC 1918 and RFC 6598 ranges only (Elastic Load
 * Balancing user guide, "Target type": "You can't specify publicly routable IP addresses").
 */
const albTargetRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

function insideTargetRanges(cidr: string): boolean {
  const parsed = parseIpv4Cidr(cidr);
  // Missing or malformed: the network rules report it (kong.networkCidr must be an IPv4 CIDR).
  if (typeof parsed === 'string') return true;
  return albTargetRanges.some((range) => {
    const r = parseIpv4Cidr(range);
    return (
      // Stryker disable next-line StringLiteral: albTargetRanges all parse: r is never a string
      typeof r !== 'string' &&
      parsed.prefix >= r.prefix &&
      parsed.address.match(r.address, r.prefix)
    );
  });
}

interface AlbCheck {
  /** Where the problem is reported; undefined: this environment is fine. */
  readonly problem: (c: AlbCase) => { path: KeyPath; message: string } | undefined;
}

/** What an `aws.edge.kind: alb` environment cannot combine with, one row each. */
const albChecks: readonly AlbCheck[] = [
  {
    // VPC Lattice resource endpoints carry connections from Kong's network into the VPC only.
    problem: ({ env, index, connectivity }) =>
      connectivity !== 'privateEndpoint'
        ? undefined
        : {
            path: ['environments', index, 'connectivity'],
            message: `aws.edge.kind alb forwards from the ALB in the cluster VPC to the data planes' private IPs, but privateEndpoint (VPC Lattice) lets only Kong's network reach the VPC, never the VPC reach Kong, so transitGateway or vpcPeering is required, but "privateEndpoint" was given (environment ${env.name})`,
          },
  },
  {
    // The ALB lives in aws.region; with private API access the other regions' data planes would
    // have no entry at all.
    problem: ({ env, index }) =>
      (env.dataPlaneRegions?.length ?? 0) === 0
        ? undefined
        : {
            path: ['environments', index, 'dataPlaneRegions'],
            // Stryker disable next-line OptionalChaining: inside this branch dataPlaneRegions has entries
            message: `aws.edge.kind alb is one regional ALB that forwards to the home region's data planes only (Kong's API access becomes private), so dataPlaneRegions must be empty, but ${env.dataPlaneRegions?.length} region(s) were given (environment ${env.name})`,
          },
  },
  {
    problem: ({ env, kongCidr }) =>
      insideTargetRanges(kongCidr)
        ? undefined
        : {
            path: ['kong', 'networkCidr'],
            message: `aws.edge.kind alb registers the data planes' private IPs as ALB targets, which must lie in ${albTargetRanges.join(', ')}, but ${kongCidr} was given (environment ${env.name})`,
          },
  },
  {
    // With private API access clients never reach Kong's public custom domain.
    problem: ({ env, index, edge }) =>
      edge.kongDomainDns === undefined
        ? undefined
        : {
            path: awsValuePath(env, index, ['edge', 'kongDomainDns']),
            message: `names the DNS of the Konnect custom domain, which aws.edge.kind alb does not render (clients call the ALB at domainName ${edge.domainName ?? '(missing)'}; Kong's API access is private): remove it (environment ${env.name})`,
          },
  },
  {
    // Without domainName there is nothing to compare: edge-keys reports it missing.
    problem: ({ env, index, edge }) =>
      edge.publicZone === undefined ||
      edge.domainName === undefined ||
      edge.domainName.endsWith(`.${edge.publicZone}`)
        ? undefined
        : {
            path: awsValuePath(env, index, ['edge', 'publicZone']),
            message: `must be a parent domain of aws.edge.domainName ${edge.domainName} (its certificate validation record and alias go there), but "${edge.publicZone}" was given (environment ${env.name})`,
          },
  },
];

/** `aws.edge.kind: alb` against connectivity, regions and the DNS keys, per environment. */
export const albEdgeRules: readonly SemanticRule[] = [
  {
    id: 'alb-edge',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      catalog.environments.forEach((env, index) => {
        // An ecsFargate environment reads no aws.edge (awsOfKind drops it).
        const edge = awsOfKind(catalog, env).edge;
        if (edge === undefined) return;
        if (edgeKind(edge) !== 'alb') {
          if (edge.publicZone !== undefined)
            report(
              awsValuePath(env, index, ['edge', 'publicZone']),
              `is read by aws.edge.kind alb only, but the kind is ${edgeKind(edge)} (environment ${env.name}): remove it`,
              true,
            );
          return;
        }
        const connectivity = kongConnectivity(env);
        for (const row of albChecks) {
          // Stryker disable next-line StringLiteral: any text that is no CIDR is left to the networks rule alike
          const kongCidr = catalog.kong.networkCidr ?? '';
          const found = row.problem({ env, index, edge, connectivity, kongCidr });
          if (found) report(found.path, found.message, true);
        }
      });
    },
  },
];
