import type { Environment, RouteCatalog } from '../catalog.generated.js';
import { readEdgeKey } from '../edge-keys.js';
import { awsValuePath } from '../environment-overrides.js';
import { formatKeyPath, type KeyPath } from '../key-path.js';
import { awsOfKind } from '../resolve-data-plane.js';
import { stateKeyPrefix } from '../resolve-derived-defaults.js';
import type { SemanticRule } from './rule.js';

type Aws = RouteCatalog['aws'];

/** A setting each environment must have its own of: two environments sharing it collide in AWS or Konnect. */
interface PerEnvironmentSetting {
  readonly label: string;
  /** Where the environment's value is written: its override, else the catalog's top level. */
  readonly where: (env: Environment, index: number) => KeyPath;
  /** undefined: the environment has no such setting (e.g. no CloudFront on `ecsFargate`). */
  readonly value: (aws: Aws, env: Environment) => string | undefined;
  /** Certificates may be shared on purpose (`aws.edge.certificatesShared: true` in both). */
  readonly shareable?: boolean;
}

const awsSetting = (
  label: string,
  subPath: readonly string[],
  value: (aws: Aws, env: Environment) => string | undefined,
  shareable = false,
): PerEnvironmentSetting => ({
  label,
  where: (env, index) => awsValuePath(env, index, subPath),
  value,
  shareable,
});

/** The rule table: what must differ between environments, and why in the label. */
const perEnvironmentSettings: readonly PerEnvironmentSetting[] = [
  awsSetting('public domain name', ['edge', 'domainName'], (aws) =>
    readEdgeKey(aws.edge, 'domainName'),
  ),
  awsSetting('Konnect custom domain', ['edge', 'kongProxyDomain'], (aws) =>
    readEdgeKey(aws.edge, 'kongProxyDomain'),
  ),
  awsSetting('EKS cluster name', ['cluster', 'name'], (aws) => aws.cluster.name),
  awsSetting(
    'Terraform state key',
    ['state', 'keyPrefix'],
    (aws, env) => `s3://${aws.state.bucket}/${stateKeyPrefix(aws.state, env.name)}`,
  ),
  {
    label: 'Konnect control plane name',
    where: (_env, index) => ['environments', index, 'controlPlaneName'],
    value: (_aws, env) => env.controlPlaneName,
  },
  awsSetting(
    'CloudFront viewer certificate ARN',
    ['edge', 'viewerCertificateArn'],
    (aws) => readEdgeKey(aws.edge, 'viewerCertificateArn'),
    true,
  ),
  awsSetting(
    'CloudFront origin client certificate ARN',
    ['edge', 'originClientCertificateArn'],
    (aws) => readEdgeKey(aws.edge, 'originClientCertificateArn'),
    true,
  ),
];

export const environmentRules: readonly SemanticRule[] = [
  {
    id: 'per-environment-settings',
    // kong: an environment's data plane kind decides whether its edge settings exist.
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      const envs = catalog.environments.map((env, index) => ({
        env,
        index,
        aws: awsOfKind(catalog, env),
      }));
      for (const setting of perEnvironmentSettings) {
        const first = new Map<string, (typeof envs)[number]>();
        for (const current of envs) {
          const value = setting.value(current.aws, current.env);
          if (value === undefined) continue;
          const earlier = first.get(value);
          if (earlier === undefined) {
            first.set(value, current);
            continue;
          }
          const shared =
            setting.shareable === true &&
            // Stryker disable next-line OptionalChaining: shareable values come from a set aws.edge
            earlier.aws.edge?.certificatesShared === true &&
            // Stryker disable next-line OptionalChaining: shareable values come from a set aws.edge
            current.aws.edge?.certificatesShared === true;
          if (shared) continue;
          const path = setting.where(current.env, current.index);
          const inherited = path[0] === 'aws';
          const own = formatKeyPath(['environments', current.index, ...path]);
          report(
            path,
            `${setting.label} "${value}" of environment "${current.env.name}" is also environment "${earlier.env.name}"'s${
              inherited ? ` (both inherit it from the top-level ${formatKeyPath(path)})` : ''
            }; each environment needs its own${inherited ? `: set ${own}` : ''}${
              setting.shareable
                ? ', or set aws.edge.certificatesShared: true in both environments to share it on purpose'
                : ''
            }`,
          );
        }
      }
    },
  },
];
