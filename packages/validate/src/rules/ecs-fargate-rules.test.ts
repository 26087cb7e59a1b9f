import { loadModel } from '@routeplane/catalog';
import { ecsFargateCatalogPath } from '@routeplane/catalog/testing/ecs-fargate-catalogs';
import { renderInfra } from '@routeplane/render-terraform';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { treeFromRendered } from '../rendered-files.js';
import { validateTree } from '../validate-tree.js';
import { notTerraformPaths, withCopyAt } from './misplaced-terraform.fixture.js';

type Doc = Record<string, unknown>;
type Container = Record<string, unknown[]>;

const file = 'generated/terraform/prod/main.tf.json';
/** A Terraform reference as cdktn renders it. */
const ref = (expression: string) => `\${${expression}}`;
const tasksGroup = ref('aws_security_group.kong_tasks_security_group.id');
const redisGroup = ref('aws_security_group.kong_redis_security_group.id');
const appSubnets = [
  ref('aws_subnet.kong_app_subnet_use1_az1.id'),
  ref('aws_subnet.kong_app_subnet_use1_az2.id'),
];
const webSubnets = [
  ref('aws_subnet.kong_web_subnet_use1_az1.id'),
  ref('aws_subnet.kong_web_subnet_use1_az2.id'),
];
const tree = treeFromRendered(renderInfra(loadModel(ecsFargateCatalogPath)));

const ecsRules = [
  'policy/ecs-secrets-injected',
  'xlayer/redis-kong-only',
  'xlayer/vpc-link-kong-subnets',
];

/** The ECS rules' findings, one line each: `<rule> <object>: <message>`. */
function findings(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] })
    .filter((f) => ecsRules.includes(f.rule))
    .map((f) => `${f.rule} ${f.object}: ${f.message}`);
}

const edited = (edit: (tf: Doc) => void) =>
  corrupt(tree, file, 0, (tf) => {
    edit(tf);
    return undefined;
  });

const service = (tf: Doc) => at(tf, 'resource', 'aws_ecs_service', 'kong_service');

/** Adds an ingress rule into Redis' security group with the given source. */
const redisIngress = (source: Doc) => (tf: Doc) => {
  at(tf, 'resource', 'aws_vpc_security_group_ingress_rule').extra = {
    security_group_id: redisGroup,
    ip_protocol: 'tcp',
    from_port: 6379,
    to_port: 6379,
    ...source,
  };
};

const redisOpen = (groups: string, rule: string, given: string) =>
  `xlayer/redis-kong-only aws_elasticache_replication_group.kong_redis: Redis must be reachable only from Kong's tasks (security groups ${groups}), but aws_vpc_security_group_ingress_rule.${rule} admits ${given}`;

const linkOutside = (subnets: string, outside: string) =>
  `xlayer/vpc-link-kong-subnets aws_apigatewayv2_vpc_link.kong_vpc_link: the VPC link's subnets must be Kong's task subnets (${subnets}), but ${outside} are not`;

describe('ECS Fargate rules on the rendered Terraform', () => {
  it('pass the example (the key comes only through secrets)', () => {
    expect(tree.some((f) => f.path === file)).toBe(true);
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, (tf: Doc) => void, string[]]>([
    [
      'Redis open to a CIDR',
      redisIngress({ cidr_ipv4: '10.40.0.0/24' }),
      [redisOpen(tasksGroup, 'extra', '10.40.0.0/24')],
    ],
    [
      'Redis open to an IPv6 CIDR',
      redisIngress({ cidr_ipv6: '::/0' }),
      [redisOpen(tasksGroup, 'extra', '::/0')],
    ],
    [
      'Redis open to a prefix list',
      redisIngress({ prefix_list_id: 'pl-0123456789abcdef0' }),
      [redisOpen(tasksGroup, 'extra', 'pl-0123456789abcdef0')],
    ],
    [
      'Redis open to the ALB',
      redisIngress({
        referenced_security_group_id: ref('aws_security_group.kong_alb_security_group.id'),
      }),
      [redisOpen(tasksGroup, 'extra', ref('aws_security_group.kong_alb_security_group.id'))],
    ],
    [
      'Redis open to a rule that names no source',
      redisIngress({}),
      [redisOpen(tasksGroup, 'extra', 'another source')],
    ],
    [
      'Redis open to a CIDR, Kong in two security groups',
      (tf) => {
        redisIngress({ cidr_ipv4: '10.40.0.0/24' })(tf);
        at(service(tf), 'network_configuration').security_groups = [tasksGroup, redisGroup];
      },
      [redisOpen(`${tasksGroup}, ${redisGroup}`, 'extra', '10.40.0.0/24')],
    ],
    [
      'Redis open to a CIDR, a non-string entry among Kong security groups',
      (tf) => {
        redisIngress({ cidr_ipv4: '10.40.0.0/24' })(tf);
        at(service(tf), 'network_configuration').security_groups = [tasksGroup, 7];
      },
      [redisOpen(tasksGroup, 'extra', '10.40.0.0/24')],
    ],
    [
      'a Kong service without a network configuration',
      (tf) => {
        delete service(tf).network_configuration;
      },
      [
        linkOutside('none rendered', appSubnets.join(', ')),
        redisOpen('none rendered', 'kong_to_redis_ingress', tasksGroup),
      ],
    ],
    [
      "a VPC link with an ENI outside Kong's task subnets",
      (tf) => {
        at(tf, 'resource', 'aws_apigatewayv2_vpc_link', 'kong_vpc_link').subnet_ids = [
          appSubnets[0],
          webSubnets[1],
        ];
      },
      [linkOutside(appSubnets.join(', '), `${webSubnets[1]}`)],
    ],
    [
      "a VPC link entirely outside Kong's task subnets",
      (tf) => {
        at(tf, 'resource', 'aws_apigatewayv2_vpc_link', 'kong_vpc_link').subnet_ids = webSubnets;
      },
      [linkOutside(appSubnets.join(', '), webSubnets.join(', '))],
    ],
  ])('report %s', (_name, edit, expected) => {
    expect(findings(edited(edit))).toEqual(expected);
  });

  it('pass a second Kong security group admitted into Redis', () => {
    const files = edited((tf) => {
      at(service(tf), 'network_configuration').security_groups = [tasksGroup, redisGroup];
      redisIngress({ referenced_security_group_id: redisGroup })(tf);
    });
    expect(findings(files)).toEqual([]);
  });

  /** Edits the Kong container of the task definition (container_definitions is a JSON string). */
  const kongContainer = (edit: (kong: Container, all: unknown[]) => void) => (tf: Doc) => {
    const task = at(tf, 'resource', 'aws_ecs_task_definition', 'kong_task');
    const containers = JSON.parse(String(task.container_definitions)) as Container[];
    const [kong] = containers;
    if (kong) edit(kong, containers);
    task.container_definitions = JSON.stringify(containers);
  };
  const onKong = (message: string) =>
    `policy/ecs-secrets-injected aws_ecs_task_definition.kong_task/kong: ${message}`;
  const plain = (names: string) =>
    onKong(
      `${names} must come from secrets (Secrets Manager), but the task definition sets it as a plain environment value`,
    );

  it.each<[string, (tf: Doc) => void, string[]]>([
    [
      'the key as a plain environment value',
      kongContainer((c) => {
        c.environment?.push({ name: 'KONG_CLUSTER_CERT_KEY', value: 'x' });
      }),
      [plain('KONG_CLUSTER_CERT_KEY')],
    ],
    [
      'two credentials as plain environment values',
      kongContainer((c) => {
        c.environment?.push({ name: 'KONG_PG_PASSWORD', value: 'x' });
        c.environment?.push({ name: 'KONG_LICENSE_TOKEN', value: 'y' });
      }),
      [plain('KONG_PG_PASSWORD, KONG_LICENSE_TOKEN')],
    ],
    [
      'a secret read from SSM Parameter Store',
      kongContainer((c) => {
        c.secrets = [
          { name: 'KONG_CLUSTER_CERT_KEY', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/k' },
        ];
      }),
      [
        onKong(
          'secret KONG_CLUSTER_CERT_KEY must be read from a Secrets Manager secret, but valueFrom is "arn:aws:ssm:us-east-1:1:parameter/k"',
        ),
      ],
    ],
    [
      'a secret without valueFrom',
      kongContainer((c) => {
        c.secrets = [{ name: 'KONG_CLUSTER_CERT_KEY' }];
      }),
      [
        onKong(
          'secret KONG_CLUSTER_CERT_KEY must be read from a Secrets Manager secret, but valueFrom is ""',
        ),
      ],
    ],
    [
      'a plain key beside null entries (skipped) in the containers, environment and secrets',
      kongContainer((c, all) => {
        c.environment?.push(null, { name: 'KONG_CLUSTER_CERT_KEY', value: 'x' });
        c.secrets?.push(null);
        all.unshift(null);
      }),
      [plain('KONG_CLUSTER_CERT_KEY')],
    ],
    [
      'nothing for container definitions it cannot read (a Terraform expression)',
      (tf) => {
        at(tf, 'resource', 'aws_ecs_task_definition', 'kong_task').container_definitions = ref(
          'jsonencode(local.containers)',
        );
      },
      [],
    ],
    [
      'nothing for a secret given as a literal Secrets Manager ARN',
      kongContainer((c) => {
        c.secrets = [
          {
            name: 'KONG_CLUSTER_CERT_KEY',
            valueFrom: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:kong-key-AbCdEf',
          },
        ];
      }),
      [],
    ],
  ])('report %s', (_name, edit, expected) => {
    expect(findings(edited(edit))).toEqual(expected);
  });

  it.each(notTerraformPaths)('do not read %s', (path) => {
    const broken = edited((tf) => {
      redisIngress({ cidr_ipv4: '10.40.0.0/24' })(tf);
      at(tf, 'resource', 'aws_apigatewayv2_vpc_link', 'kong_vpc_link').subnet_ids = webSubnets;
      kongContainer((c) => {
        c.environment?.push({ name: 'KONG_CLUSTER_CERT_KEY', value: 'x' });
      })(tf);
    });
    expect(findings(broken)).toHaveLength(3);
    expect(findings(withCopyAt(tree, broken, file, path))).toEqual([]);
  });
});
