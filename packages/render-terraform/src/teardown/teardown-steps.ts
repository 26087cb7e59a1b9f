import { type EnvironmentModel, terraformDir } from '@routeplane/model';
import { childApplicationName, childApps } from '@routeplane/render-argocd';

/** Tag the AWS Load Balancer Controller puts on every load balancer it creates for a cluster. */
export const clusterLoadBalancerTag = 'elbv2.k8s.aws/cluster';

/** One command of the teardown, run with its argv as is (never through a shell by the CLI). */
export interface CommandStep {
  readonly kind: 'run';
  readonly title: string;
  readonly argv: readonly string[];
  /** Run only when this command succeeds (e.g. a CRD still exists); otherwise skip. */
  readonly onlyIf?: readonly string[];
}

/** Polls `argv` until it prints nothing, or fails after `timeoutSeconds`. */
export interface WaitStep {
  readonly kind: 'wait-until-empty';
  readonly title: string;
  readonly argv: readonly string[];
  readonly timeoutSeconds: number;
  readonly intervalSeconds: number;
}

export type TeardownStep = CommandStep | WaitStep;

export interface TeardownOptions {
  /** Kubeconfig file written by `aws eks update-kubeconfig` and used by every kubectl step. */
  readonly kubeconfig: string;
}

function kubectl(options: TeardownOptions, ...args: string[]): string[] {
  return ['kubectl', '--kubeconfig', options.kubeconfig, ...args];
}

const gatewayCrd = 'gateways.gateway.networking.k8s.io';
const applicationCrd = 'applications.argoproj.io';

/**
 * What must happen inside the cluster before Terraform may remove the LB controller, the nodes and
 * the VPC: the NLB the controller made from the Gateway's Service is not Terraform's, and its ENIs
 * block subnet and VPC deletion. Stop the root from re-creating the gateway child, delete that
 * child (its finalizer deletes the Gateway), delete the Gateway itself should it exist outside
 * Argo CD, wait until AWS lists no load balancer tagged for this cluster, then delete every
 * Application with its resources (children carry the resources finalizer; the root's auto-sync is
 * off by then). Every step is safe to repeat: a second run finds nothing and passes.
 */
export function clusterTeardownSteps(
  env: EnvironmentModel,
  options: TeardownOptions,
): TeardownStep[] {
  const { region, cluster } = env.aws;
  const ns = env.argocd.namespace;
  const gatewayApp = childApps(env).find((c) => c.component === 'gateway');
  const appSteps: CommandStep[] = gatewayApp
    ? [
        {
          kind: 'run',
          title: 'Delete the gateway Application and its resources',
          argv: kubectl(
            options,
            'delete',
            applicationCrd,
            childApplicationName(env, gatewayApp),
            '--namespace',
            ns,
            '--ignore-not-found',
            '--wait=true',
            '--timeout=10m',
          ),
          onlyIf: kubectl(options, 'get', 'crd', applicationCrd),
        },
      ]
    : [];
  return [
    {
      kind: 'run',
      title: `Write a kubeconfig for ${cluster.name}`,
      argv: [
        'aws',
        'eks',
        'update-kubeconfig',
        '--name',
        cluster.name,
        '--region',
        region,
        '--kubeconfig',
        options.kubeconfig,
      ],
    },
    {
      kind: 'run',
      title: 'Turn off auto-sync of the root Application (it would re-create what is deleted)',
      argv: kubectl(
        options,
        'patch',
        applicationCrd,
        env.argocd.rootApplication,
        '--namespace',
        ns,
        '--type',
        'merge',
        '--patch',
        '{"spec":{"syncPolicy":{"automated":null}}}',
      ),
      onlyIf: kubectl(
        options,
        'get',
        applicationCrd,
        env.argocd.rootApplication,
        '--namespace',
        ns,
      ),
    },
    ...appSteps,
    {
      kind: 'run',
      title: 'Delete the Gateway (its Service owns the NLB)',
      argv: kubectl(
        options,
        'delete',
        gatewayCrd,
        env.gateway.name,
        '--namespace',
        env.gateway.namespace,
        '--ignore-not-found',
        '--wait=true',
        '--timeout=10m',
      ),
      onlyIf: kubectl(options, 'get', 'crd', gatewayCrd),
    },
    {
      kind: 'wait-until-empty',
      title: `Wait until no load balancer tagged ${clusterLoadBalancerTag}=${cluster.name} remains`,
      argv: [
        'aws',
        'resourcegroupstaggingapi',
        'get-resources',
        '--region',
        region,
        '--resource-type-filters',
        'elasticloadbalancing:loadbalancer',
        '--tag-filters',
        `Key=${clusterLoadBalancerTag},Values=${cluster.name}`,
        '--query',
        'ResourceTagMappingList[].ResourceARN',
        '--output',
        'text',
      ],
      timeoutSeconds: 900,
      intervalSeconds: 15,
    },
    {
      kind: 'run',
      title: 'Delete every Argo CD Application with its resources',
      argv: kubectl(
        options,
        'delete',
        applicationCrd,
        '--all',
        '--namespace',
        env.argocd.namespace,
        '--wait=true',
        '--timeout=20m',
      ),
      onlyIf: kubectl(options, 'get', 'crd', applicationCrd),
    },
  ];
}

export interface FullTeardownOptions extends TeardownOptions {
  /** Pass `-auto-approve` to terraform destroy. @default false (terraform asks) */
  readonly autoApprove?: boolean;
}

/**
 * `routeplane teardown`: the cluster steps, then `terraform destroy`, whose graph removes the rest in dependency order (Konnect attachment,
 * network, control plane; cluster before VPC; TGW after its attachments).
 */
export function fullTeardownSteps(
  env: EnvironmentModel,
  options: FullTeardownOptions,
): TeardownStep[] {
  const dir = terraformDir(env.name);
  return [
    ...clusterTeardownSteps(env, options),
    {
      kind: 'run',
      title: 'terraform init',
      argv: ['terraform', `-chdir=${dir}`, 'init', '-input=false'],
    },
    {
      kind: 'run',
      title: 'terraform destroy',
      argv: [
        'terraform',
        `-chdir=${dir}`,
        'destroy',
        ...(options.autoApprove ? ['-auto-approve'] : []),
      ],
    },
  ];
}
