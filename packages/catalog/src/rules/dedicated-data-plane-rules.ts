import { cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr } from '../cidr.js';
import { effectiveAws } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import { dataPlaneKind } from '../resolve-data-plane.js';
import { awsWithDefaults } from '../section-defaults.js';
import type { SemanticRule } from './rule.js';

interface NamedCidr {
  readonly cidr: Ipv4Cidr;
  readonly what: string;
}

/** Dedicated Cloud Gateway sizing and regions, per environment. */
export const dedicatedDataPlaneRules: readonly SemanticRule[] = [
  {
    id: 'data-plane-sizing',
    needs: ['environments'],
    check({ catalog, report, warn }) {
      catalog.environments.forEach((env, i) => {
        // On ecsFargate the data-plane-kind rule refuses these options.
        if (env.dataPlaneCustomMode === undefined || dataPlaneKind(catalog, env) !== 'dedicated')
          return;
        const path: KeyPath = ['environments', i, 'dataPlaneCustomMode'];
        if (env.dataPlaneBaseRps !== undefined) {
          report(
            path,
            `custom mode sizes the data planes by instance type and count, so dataPlaneBaseRps (autopilot) must not be given too, but dataPlaneBaseRps: ${env.dataPlaneBaseRps} was given (environment ${env.name})`,
            true,
          );
          return;
        }
        warn(
          path,
          `custom mode (Konnect's static autoscale) is deprecated upstream and will be removed; ${env.dataPlaneCustomMode.requestedInstances} ${env.dataPlaneCustomMode.instanceType} data plane(s) per region do not scale with traffic. Prefer dataPlaneBaseRps (autopilot) (environment ${env.name})`,
        );
      });
    },
  },
  {
    id: 'data-plane-regions',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      const networkCidr = catalog.kong.networkCidr;
      // Absent: data-plane-kind reports it for each dedicated environment.
      const kong = networkCidr === undefined ? undefined : parseIpv4Cidr(networkCidr);
      catalog.environments.forEach((env, i) => {
        if (dataPlaneKind(catalog, env) !== 'dedicated') return;
        const aws = effectiveAws(catalog, env);
        const vpc = parseIpv4Cidr(aws.vpcCidr);
        // Parse problems of these two are reported by the networks rule.
        const taken: NamedCidr[] = [];
        if (typeof vpc !== 'string') taken.push({ cidr: vpc, what: `the VPC CIDR ${vpc.text}` });
        if (kong !== undefined && typeof kong !== 'string') {
          taken.push({ cidr: kong, what: `kong.networkCidr ${kong.text} (${aws.region})` });
        }
        const regions = new Map<string, number>([[aws.region, -1]]);
        (env.dataPlaneRegions ?? []).forEach((r, j) => {
          const path: KeyPath = ['environments', i, 'dataPlaneRegions', j];
          const earlier = regions.get(r.region);
          if (earlier !== undefined) {
            report(
              [...path, 'region'],
              `each data-plane region needs its own entry, but "${r.region}" is already ${earlier < 0 ? 'the home region aws.region' : `dataPlaneRegions[${earlier}]`} (environment ${env.name})`,
            );
          } else regions.set(r.region, j);
          const cidr = parseIpv4Cidr(r.networkCidr);
          if (typeof cidr === 'string') {
            report([...path, 'networkCidr'], `${cidr}, but "${r.networkCidr}" was given`);
            return;
          }
          const clash = taken.find((t) => cidrsOverlap(t.cidr, cidr));
          if (clash) {
            report(
              [...path, 'networkCidr'],
              `must not overlap ${clash.what}, but ${cidr.text} was given (environment ${env.name}): the Transit Gateways could not route to both`,
            );
          }
          taken.push({ cidr, what: `dataPlaneRegions[${j}].networkCidr ${cidr.text}` });
        });
        if (env.connectivity === 'privateEndpoint' && (env.dataPlaneRegions?.length ?? 0) > 0) {
          report(
            ['environments', i, 'connectivity'],
            // Stryker disable next-line OptionalChaining: inside this branch dataPlaneRegions has entries
            `privateEndpoint shares one VPC Lattice resource configuration in ${aws.region} and serves only that region's data planes, so dataPlaneRegions must be empty, but ${env.dataPlaneRegions?.length} region(s) were given (environment ${env.name}); use transitGateway or vpcPeering for several regions`,
          );
        }
        checkAsns(
          env.dataPlaneRegions?.length ?? 0,
          awsWithDefaults(aws).transitGatewayAsn,
          (message) =>
            report(
              ['environments', i, 'dataPlaneRegions'],
              `${message} (environment ${env.name})`,
              true,
            ),
        );
      });
    },
  },
];

/** AWS's private ASN ranges for a Transit Gateway (16-bit, then 32-bit). */
const privateAsnRanges: readonly (readonly [number, number])[] = [
  [64512, 65534],
  [4200000000, 4294967294],
];

/**
 * Each extra region's Transit Gateway takes the next ASN after aws.transitGatewayAsn (peered
 * Transit Gateways should not share one), so they must all stay in the home ASN's private range.
 */
function checkAsns(extra: number, home: number, fail: (message: string) => void) {
  // Stryker disable next-line ConditionalExpression: with no extra region the last ASN is the home one, inside its range
  if (extra === 0) return;
  const range = privateAsnRanges.find(([low, high]) => low <= home && home <= high);
  const last = home + extra;
  if (range && last > range[1]) {
    fail(
      `${extra} extra region(s) take the ASNs ${home + 1}-${last} after aws.transitGatewayAsn ${home}, which must stay within the private range ${range[0]}-${range[1]}; lower aws.transitGatewayAsn`,
    );
  }
}
