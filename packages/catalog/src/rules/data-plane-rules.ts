import type { Environment, RouteCatalog } from '../catalog.generated.js';
import { cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr } from '../cidr.js';
import { awsValuePath, effectiveAws } from '../environment-overrides.js';
import type { KeyPath } from '../key-path.js';
import { dataPlaneKind, effectiveDataPlane } from '../resolve-data-plane.js';
import { ecsFargateWithDefaults } from '../section-defaults.js';
import type { RuleContext, SemanticRule } from './rule.js';

type Ecs = NonNullable<NonNullable<RouteCatalog['kong']['dataPlane']>['ecsFargate']>;

/** Where an ecsFargate value is written: the environment's override when it sets it, else the top level. */
function ecsPath(env: Environment, index: number, sub: readonly (string | number)[]): KeyPath {
  let cursor: unknown = env.kong?.dataPlane?.ecsFargate;
  for (const part of sub) {
    if (typeof cursor !== 'object' || cursor === null) break;
    cursor = (cursor as Record<string, unknown>)[String(part)];
  }
  return cursor === undefined
    ? ['kong', 'dataPlane', 'ecsFargate', ...sub]
    : ['environments', index, 'kong', 'dataPlane', 'ecsFargate', ...sub];
}

/** Fargate's valid memory (MiB) per CPU unit count (AWS ECS task size table). */
const fargateMemory: Readonly<Record<number, readonly [number, number]>> = {
  512: [1024, 4096],
  1024: [2048, 8192],
  2048: [4096, 16384],
  4096: [8192, 30720],
};

interface EnvEntry {
  readonly env: Environment;
  readonly index: number;
  readonly kind: 'dedicated' | 'ecsFargate';
}

function entries(catalog: RouteCatalog): EnvEntry[] {
  return catalog.environments.map((env, index) => ({
    env,
    index,
    kind: dataPlaneKind(catalog, env),
  }));
}

/** Per-environment options only a Dedicated Cloud Gateway reads (issue 16), with what they set. */
const dedicatedEnvironmentOptions: readonly (readonly [
  'connectivity' | 'dataPlaneRegions' | 'dataPlaneCustomMode' | 'workloadIdentityRoles',
  string,
])[] = [
  ['connectivity', "how the Dedicated Cloud Gateway's networks reach the gateway"],
  ['dataPlaneRegions', "the Dedicated Cloud Gateway's extra regions"],
  ['dataPlaneCustomMode', "the Dedicated Cloud Gateway's custom-mode sizing"],
  // ecsFargate's Kong already runs as its own task role in your account: grant that role instead.
  ['workloadIdentityRoles', "roles the Dedicated Cloud Gateway's Konnect network roles assume"],
];

/** Options of one kind set where every environment that would read them is of the other kind. */
function checkKindOptions(catalog: RouteCatalog, report: RuleContext['report']): void {
  const envs = entries(catalog);
  const anyDedicated = envs.some((e) => e.kind === 'dedicated');
  const anyEcs = envs.some((e) => e.kind === 'ecsFargate');
  const dedicatedOnly = (what: string) =>
    `is a dedicated-only option (${what}), but every environment uses kong.dataPlane.kind ecsFargate: remove it`;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the schema requires at least one environment
  if (!anyDedicated && envs.length > 0) {
    if (catalog.kong.networkCidr !== undefined)
      report(['kong', 'networkCidr'], dedicatedOnly("the Konnect cloud gateway network's CIDR"));
    if (catalog.aws.edge !== undefined)
      report(
        ['aws', 'edge'],
        dedicatedOnly('what clients reach in front of the Dedicated Cloud Gateway'),
        true,
      );
  }
  const zone = catalog.kong.upstream.privateDnsZone;
  const firstEcs = envs.find((e) => e.kind === 'ecsFargate');
  if (zone !== undefined && firstEcs !== undefined)
    report(
      ['kong', 'upstream', 'privateDnsZone'],
      `is a dedicated-only option (a private hosted zone attached to the Konnect networks), but environment ${firstEcs.env.name} uses kong.dataPlane.kind ecsFargate, whose Kong would resolve gateway.hostname without it: remove it and use hostEnv or upstreamHost`,
      true,
    );
  if (!anyEcs && catalog.kong.dataPlane?.ecsFargate !== undefined) {
    report(
      ['kong', 'dataPlane', 'ecsFargate'],
      'is an ecsFargate-only option, but every environment uses kong.dataPlane.kind dedicated: remove it or set kind: ecsFargate',
      true,
    );
  }
  for (const { env, index, kind } of envs) {
    const aws = effectiveAws(catalog, env);
    if (kind === 'dedicated') {
      if (catalog.kong.networkCidr === undefined)
        report(
          ['kong'],
          `needs networkCidr (the Konnect cloud gateway network) for environment ${env.name}, whose data plane kind is dedicated`,
        );
      if (aws.edge === undefined)
        report(
          awsValuePath(env, index, []),
          `needs edge (what clients reach in front of the Dedicated Cloud Gateway: kind cloudfront, alb or none) for environment ${env.name}, whose data plane kind is dedicated`,
        );
      if (env.kong?.dataPlane?.ecsFargate !== undefined)
        report(
          ['environments', index, 'kong', 'dataPlane', 'ecsFargate'],
          `is an ecsFargate-only option, but environment ${env.name} uses kong.dataPlane.kind dedicated`,
          true,
        );
      continue;
    }
    const own = (what: string) =>
      `is a dedicated-only option (${what}), but environment ${env.name} uses kong.dataPlane.kind ecsFargate: remove it`;
    if (env.dataPlaneBaseRps !== undefined)
      report(
        ['environments', index, 'dataPlaneBaseRps'],
        own("the Dedicated Cloud Gateway's autopilot base"),
        true,
      );
    if (env.aws?.edge !== undefined)
      report(
        ['environments', index, 'aws', 'edge'],
        own('what clients reach in front of the Dedicated Cloud Gateway'),
        true,
      );
    for (const [key, what] of dedicatedEnvironmentOptions)
      if (env[key] !== undefined) report(['environments', index, key], own(what), true);
    if (effectiveDataPlane(catalog, env).ecsFargate === undefined)
      report(
        ['environments', index, 'kong', 'dataPlane'],
        `needs ecsFargate settings (vpcCidr, availabilityZoneIds, subnets) for environment ${env.name}, here or in kong.dataPlane.ecsFargate`,
      );
  }
}

function checkEcsNetwork(
  catalog: RouteCatalog,
  env: Environment,
  index: number,
  ecs: Ecs,
  report: RuleContext['report'],
): void {
  const at = (...sub: (string | number)[]) => ecsPath(env, index, sub);
  const parse = (path: KeyPath, text: string): Ipv4Cidr | undefined => {
    const parsed = parseIpv4Cidr(text);
    if (typeof parsed !== 'string') return parsed;
    report(path, `${parsed}, but "${text}" was given`);
    return undefined;
  };
  const vpc = parse(at('vpcCidr'), ecs.vpcCidr);
  const eks = parseIpv4Cidr(effectiveAws(catalog, env).vpcCidr);
  if (vpc && typeof eks !== 'string' && cidrsOverlap(vpc, eks)) {
    report(
      at('vpcCidr'),
      `Kong's VPC ${vpc.text} overlaps the EKS VPC ${eks.text} (environment ${env.name}): the peering between them could not route`,
    );
  }
  const zones = ecs.availabilityZoneIds.length;
  const seen: { cidr: Ipv4Cidr; path: KeyPath }[] = [];
  for (const tier of ['web', 'app', 'data'] as const) {
    const list = ecs.subnets[tier];
    if (list.length !== zones)
      report(
        at('subnets', tier),
        `needs one CIDR per availability zone (${zones}), but ${list.length} were given (environment ${env.name})`,
      );
    list.forEach((text, i) => {
      const path = at('subnets', tier, i);
      const cidr = parse(path, text);
      if (!cidr) return;
      if (vpc && !(cidr.prefix >= vpc.prefix && cidr.address.match(vpc.address, vpc.prefix)))
        report(path, `subnet ${cidr.text} is not inside Kong's VPC ${vpc.text}`);
      const clash = seen.find((s) => cidrsOverlap(s.cidr, cidr));
      if (clash) report(path, `subnet ${cidr.text} overlaps ${clash.cidr.text} of the same VPC`);
      seen.push({ cidr, path });
    });
  }
  (ecs.apiGateway?.vpcLinkSubnets ?? []).forEach((text, i) => {
    if (!ecs.subnets.app.includes(text))
      report(
        at('apiGateway', 'vpcLinkSubnets', i),
        `the VPC link's ENIs must sit in Kong's subnets (subnets.app: ${ecs.subnets.app.join(', ')}), but "${text}" was given`,
      );
  });
  (ecs.transitGatewayHub?.destinationCidrs ?? []).forEach((text, i) => {
    const path = at('transitGatewayHub', 'destinationCidrs', i);
    const cidr = parse(path, text);
    if (cidr && vpc && cidrsOverlap(cidr, vpc))
      report(
        path,
        `${cidr.text} overlaps Kong's own VPC ${vpc.text}: traffic to it would never reach the hub`,
      );
  });
}

type Entry = 'apiGateway' | 'cloudfront';

/**
 * Settings of the entry an environment does not use: refused where the environment sets them
 * itself, and at the top level only when no environment uses that entry (a shared default for
 * the others is fine). The entry an environment uses must have its settings.
 */
function checkEntry(
  env: Environment,
  index: number,
  ecs: Ecs,
  context: { readonly inUse: ReadonlySet<Entry>; readonly region: string },
  report: RuleContext['report'],
): void {
  const { inUse, region } = context;
  const entry: Entry = ecsFargateWithDefaults(ecs).entry;
  if (entry === 'cloudfront' && ecs.cloudfront === undefined)
    report(
      ecsPath(env, index, ['entry']),
      `entry cloudfront needs kong.dataPlane.ecsFargate.cloudfront (domainName, viewerCertificateArn, wafRateLimitPer5Minutes) for environment ${env.name}`,
    );
  const certificate = ecs.apiGateway?.customDomain?.certificateArn;
  const certificateRegion = certificate?.split(':')[3];
  if (entry === 'apiGateway' && certificateRegion !== undefined && certificateRegion !== region)
    report(
      ecsPath(env, index, ['apiGateway', 'customDomain', 'certificateArn']),
      `a regional API Gateway domain needs an ACM certificate in the environment's region ${region}, but one in ${certificateRegion} was given (environment ${env.name})`,
    );
  const other: Entry = entry === 'cloudfront' ? 'apiGateway' : 'cloudfront';
  const own = env.kong?.dataPlane?.ecsFargate?.[other] !== undefined;
  if (ecs[other] === undefined || (!own && inUse.has(other))) return;
  report(
    ecsPath(env, index, [other]),
    `is an option of entry ${other}, but environment ${env.name} uses entry ${entry}: remove it`,
    true,
  );
}

function checkEcsTasks(
  env: Environment,
  index: number,
  ecs: Ecs,
  report: RuleContext['report'],
): void {
  const { cpu, memory, minCount: min, maxCount: max } = ecsFargateWithDefaults(ecs).tasks;
  // Stryker disable next-line ArrayDeclaration: the schema allows only the cpu values of the table
  const [low, high] = fargateMemory[cpu] ?? [0, 0];
  if (memory < low || memory > high || memory % 1024 !== 0)
    report(
      ecsPath(env, index, ['tasks', 'memory']),
      `Fargate runs ${cpu} CPU units with ${low}-${high} MiB in steps of 1024, but ${memory} was given (environment ${env.name})`,
    );
  if (min > max)
    report(
      ecsPath(env, index, ['tasks']),
      `needs minCount <= maxCount, but ${min} > ${max} was given (environment ${env.name})`,
    );
  if (/^prod(uction)?$/.test(env.name) && min < 2)
    report(
      ecsPath(env, index, ['tasks', 'minCount']),
      `production needs at least 2 Kong tasks (one per AZ survives an AZ or task loss), but ${min} was given (environment ${env.name})`,
    );
}

/** `kong.dataPlane`: the options of each kind, and the ECS Fargate network and tasks. */
export const dataPlaneRules: readonly SemanticRule[] = [
  {
    id: 'data-plane-kind',
    needs: ['kong', 'aws', 'environments'],
    check({ catalog, report }) {
      checkKindOptions(catalog, report);
      const inUse = new Set<Entry>(
        entries(catalog).flatMap(({ env, kind }) =>
          kind === 'ecsFargate'
            ? [ecsFargateWithDefaults(effectiveDataPlane(catalog, env).ecsFargate).entry]
            : // Stryker disable next-line ArrayDeclaration: a string in the set is never an entry looked up
              [],
        ),
      );
      for (const { env, index, kind } of entries(catalog)) {
        const ecs = effectiveDataPlane(catalog, env).ecsFargate;
        if (kind !== 'ecsFargate' || ecs === undefined) continue;
        // A partial override merged over nothing may lack required keys: the schema allows it.
        if (!ecs.vpcCidr || !ecs.subnets || !ecs.availabilityZoneIds) {
          report(
            ['environments', index, 'kong', 'dataPlane', 'ecsFargate'],
            `needs vpcCidr, availabilityZoneIds and subnets (here or in kong.dataPlane.ecsFargate) for environment ${env.name}`,
          );
          continue;
        }
        checkEcsNetwork(catalog, env, index, ecs, report);
        checkEntry(env, index, ecs, { inUse, region: effectiveAws(catalog, env).region }, report);
        checkEcsTasks(env, index, ecs, report);
      }
    },
  },
];
