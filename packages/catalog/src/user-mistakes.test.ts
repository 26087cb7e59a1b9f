import { describe, expect, it } from 'vitest';
import { shipped, shippedCatalogText } from './testing/bad-catalogs.js';
import { catalogProblems } from './testing/catalog-problems.js';
import { newEnvironment } from './testing/new-environment.js';

const problemsOf = catalogProblems;

const staging = (extra: Record<string, unknown> = {}) => ({
  ...newEnvironment('staging'),
  ...extra,
});

/** Replaces the Nth line (1-based) of the shipped catalog. */
function withLine(line: number, edit: (text: string) => string): string {
  const lines = shippedCatalogText.split('\n');
  lines[line - 1] = edit(lines[line - 1] ?? '');
  return lines.join('\n');
}
const lineOf = (prefix: string) =>
  shippedCatalogText.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('settings each environment must have its own', () => {
  it('accepts an environment with its own edge, cluster and state key', () => {
    expect(problemsOf(shipped(['environments.2', staging()]))).toEqual([]);
  });

  it('names both environments when a new one inherits dev edge settings', () => {
    const problems = problemsOf(
      shipped(['environments.2', { name: 'staging', controlPlaneName: 'kong-cloud-gw-staging' }]),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^catalog\.yaml:\d+:\d+ aws\.edge\.domainName: public domain name "api\.dev\.example\.com" of environment "staging" is also environment "dev"'s \(both inherit it from the top-level aws\.edge\.domainName\); each environment needs its own: set environments\[2\]\.aws\.edge\.domainName$/,
    );
    expect(problems.join('\n')).toContain(
      'Konnect custom domain "proxy.kong-cloud-gw-dev.example.com"',
    );
    expect(problems.join('\n')).toContain('CloudFront viewer certificate ARN');
    expect(problems.join('\n')).toContain('CloudFront origin client certificate ARN');
  });

  it.each([
    [
      'cluster name',
      staging({ aws: { ...staging().aws, cluster: { name: 'kong-cloud-gw-dev' } } }),
      'environments[2].aws.cluster.name: EKS cluster name "kong-cloud-gw-dev" of environment "staging" is also environment "dev"\'s; each environment needs its own',
    ],
    [
      'Terraform state key',
      staging({ aws: { ...staging().aws, state: { keyPrefix: 'routeplane/dev' } } }),
      'environments[2].aws.state.keyPrefix: Terraform state key "s3://example-org-terraform-state/routeplane/dev" of environment "staging" is also environment "dev"\'s; each environment needs its own',
    ],
    [
      'control plane name',
      staging({ controlPlaneName: 'kong-cloud-gw-prod' }),
      'environments[2].controlPlaneName: Konnect control plane name "kong-cloud-gw-prod" of environment "staging" is also environment "prod"\'s; each environment needs its own',
    ],
    [
      'public domain name',
      staging({
        aws: { ...staging().aws, edge: { ...staging().aws.edge, domainName: 'api.example.com' } },
      }),
      'environments[2].aws.edge.domainName: public domain name "api.example.com" of environment "staging" is also environment "prod"\'s; each environment needs its own',
    ],
    [
      'certificate ARN',
      staging({
        aws: {
          ...staging().aws,
          edge: {
            ...staging().aws.edge,
            viewerCertificateArn:
              'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000001',
          },
        },
      }),
      'environments[2].aws.edge.viewerCertificateArn: CloudFront viewer certificate ARN "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000001" of environment "staging" is also environment "dev"\'s; each environment needs its own, or set aws.edge.certificatesShared: true in both environments to share it on purpose',
    ],
  ])('rejects a shared %s with a located message naming both', (_name, env, message) => {
    const problems = problemsOf(shipped(['environments.2', env]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^catalog\.yaml:\d+:\d+ /);
    expect(problems[0]?.replace(/^catalog\.yaml:\d+:\d+ /, '')).toBe(message);
  });

  it('lets environments that both say so share a certificate', () => {
    const sharedCert =
      'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000001';
    const env = staging({
      aws: {
        ...staging().aws,
        edge: { ...staging().aws.edge, viewerCertificateArn: sharedCert, certificatesShared: true },
      },
    });
    expect(problemsOf(shipped(['environments.2', env]))).toHaveLength(1);
    expect(
      problemsOf(shipped(['environments.2', env], ['aws.edge.certificatesShared', true])),
    ).toEqual([]);
  });
});

describe('messages for common slips', () => {
  it.each([
    [
      'a waiver reason one character short',
      shipped([
        'waivers',
        [{ rule: 'policy/kong-tls-verify', object: 'deck/dev/kong.yaml', reason: 'typo test' }],
      ]),
      /waivers\[0\]\.reason: must be at least 10 characters long, but 9 were given$/,
    ],
    [
      'an empty mapping',
      shippedCatalogText.replace(/^gateway:\n(?:(?: .*)?\n)+/m, 'gateway:\n'),
      /gateway: must be a mapping, but an empty value \(null\) was given$/,
    ],
    [
      'an unquoted Kubernetes version',
      shippedCatalogText.replace('kubernetes: "1.34"', 'kubernetes: 1.30'),
      /versions\.kubernetes: must be a string, but 1\.30 was given \(YAML reads 1\.30 as a number: quote it, "1\.30", to keep it text\)$/,
    ],
    [
      'a latest image',
      shipped(['services.0.image', 'docker.io/nginxinc/nginx-unprivileged:latest']),
      /services\[0\]\.image: must be pinned to a version tag or a digest, never "latest" .*, but "docker\.io\/nginxinc\/nginx-unprivileged:latest" was given$/,
    ],
  ])('%s', (_name, text, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

describe('indentation mistakes point at the line that is wrong', () => {
  const kubernetes = lineOf('  kubernetes:');
  const serviceNamespace =
    shippedCatalogText.split('\n').findIndex((l) => l.includes('name: health-responder')) + 2;

  it.each([
    [
      'a key indented one space too deep',
      withLine(kubernetes, (l) => ` ${l}`),
      `catalog.yaml:${kubernetes}:4: indentation: this line is indented 3 spaces, deeper than line ${kubernetes - 1}, whose key already has a value; indent it like the keys around it`,
    ],
    [
      'a key indented one space too shallow',
      withLine(kubernetes, (l) => l.slice(1)),
      `catalog.yaml:${kubernetes}:2: indentation: this key starts at column 2, but the key on line ${kubernetes - 1} starts at column 3; keys of one mapping must start at the same column`,
    ],
    [
      'a list item key indented too deep',
      withLine(serviceNamespace, (l) => `  ${l}`),
      `catalog.yaml:${serviceNamespace}:7: indentation: this line is indented 6 spaces, deeper than line ${serviceNamespace - 1}, whose key already has a value; indent it like the keys around it`,
    ],
  ])('%s', (_name, text, message) => {
    expect(problemsOf(text)).toEqual([message]);
  });
});
