import { loadModel } from '@routeplane/catalog';
import { ecsFargateCatalogPath } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import { renderInfra } from '@routeplane/render-terraform';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';

const file = 'generated/terraform/prod/main.tf.json';
/** A Terraform reference as cdktn renders it. */
const ref = (expression: string) => `\${${expression}}`;
const tree = treeFromRendered(renderInfra(loadModel(ecsFargateCatalogPath)));

function findings(files: TreeFile[], rule: string): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === rule)
    .map((f) => `${f.object}: ${f.message}`);
}

describe('ECS Fargate rules on the rendered Terraform', () => {
  it('passes the example', () => {
    expect(tree.some((f) => f.path === file)).toBe(true);
    expect(findings(tree, 'xlayer/redis-kong-only')).toEqual([]);
    expect(findings(tree, 'xlayer/vpc-link-kong-subnets')).toEqual([]);
  });

  it.each([
    ['a CIDR', { cidr_ipv4: '10.40.0.0/24' }, 'admits 10.40.0.0/24'],
    [
      'the ALB',
      { referenced_security_group_id: ref('aws_security_group.kong_alb_security_group.id') },
      `admits ${ref('aws_security_group.kong_alb_security_group.id')}`,
    ],
  ])('reports Redis open to %s', (_name, source, message) => {
    const broken = corrupt(tree, file, 0, (tf) => {
      at(tf, 'resource', 'aws_vpc_security_group_ingress_rule').extra = {
        security_group_id: ref('aws_security_group.kong_redis_security_group.id'),
        ip_protocol: 'tcp',
        from_port: 6379,
        to_port: 6379,
        ...source,
      };
      return tf;
    });
    expect(findings(broken, 'xlayer/redis-kong-only')).toEqual([
      expect.stringContaining(
        `aws_elasticache_replication_group.kong_redis: Redis must be reachable only from Kong's tasks`,
      ),
    ]);
    expect(findings(broken, 'xlayer/redis-kong-only')[0]).toContain(message);
  });

  it("reports a VPC link with an ENI outside Kong's task subnets", () => {
    const broken = corrupt(tree, file, 0, (tf) => {
      at(tf, 'resource', 'aws_apigatewayv2_vpc_link', 'kong_vpc_link').subnet_ids = [
        ref('aws_subnet.kong_app_subnet_use1_az1.id'),
        ref('aws_subnet.kong_web_subnet_use1_az2.id'),
      ];
      return tf;
    });
    expect(findings(broken, 'xlayer/vpc-link-kong-subnets')).toEqual([
      expect.stringContaining(`but ${ref('aws_subnet.kong_web_subnet_use1_az2.id')} are not`),
    ]);
  });

  it("passes the example's task definitions: the key comes only through secrets", () => {
    expect(findings(tree, 'policy/ecs-secrets-injected')).toEqual([]);
  });

  it.each([
    [
      'the key as a plain environment value',
      (c: Record<string, unknown[]>) => {
        c.environment?.push({ name: 'KONG_CLUSTER_CERT_KEY', value: 'x' });
      },
      'KONG_CLUSTER_CERT_KEY must come from secrets (Secrets Manager), but the task definition sets it as a plain environment value',
    ],
    [
      'a secret read from somewhere else',
      (c: Record<string, unknown[]>) => {
        c.secrets = [
          { name: 'KONG_CLUSTER_CERT_KEY', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/k' },
        ];
      },
      'secret KONG_CLUSTER_CERT_KEY must be read from a Secrets Manager secret',
    ],
  ])('reports %s', (_name, edit, message) => {
    const broken = corrupt(tree, file, 0, (tf) => {
      const task = at(tf, 'resource', 'aws_ecs_task_definition', 'kong_task');
      const containers = JSON.parse(String(task.container_definitions)) as Record<
        string,
        unknown[]
      >[];
      const [kong] = containers;
      if (kong) edit(kong);
      task.container_definitions = JSON.stringify(containers);
      return tf;
    });
    expect(findings(broken, 'policy/ecs-secrets-injected')).toEqual([
      expect.stringContaining(message),
    ]);
  });
});
