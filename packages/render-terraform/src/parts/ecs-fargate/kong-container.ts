import { compareText, type EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import type { DataPlaneIdentity } from './data-plane-identity.js';

/** One ECS container definition, as the `container_definitions` JSON reads it. */
export interface ContainerDefinition {
  readonly name: string;
  readonly image: string;
  readonly essential: true;
  readonly user: string;
  readonly readonlyRootFilesystem: true;
  readonly portMappings: readonly { readonly containerPort: number; readonly protocol: 'tcp' }[];
  readonly environment: readonly { readonly name: string; readonly value: string }[];
  readonly secrets: readonly { readonly name: string; readonly valueFrom: string }[];
  readonly mountPoints: readonly {
    readonly sourceVolume: string;
    readonly containerPath: string;
  }[];
  readonly healthCheck: {
    readonly command: readonly string[];
    readonly interval: number;
    readonly timeout: number;
    readonly retries: number;
    readonly startPeriod: number;
  };
  readonly logConfiguration: {
    readonly logDriver: 'awslogs';
    readonly options: Readonly<Record<string, string>>;
  };
  readonly linuxParameters: { readonly initProcessEnabled: true };
}

/** `https://abc.us.cp0.konghq.com` -> `abc.us.cp0.konghq.com` (Terraform expression). */
function hostOf(identity: DataPlaneIdentity, attribute: string): string {
  const plane = identity.controlPlane;
  return `\${trimprefix(${plane.terraformResourceType}.${plane.friendlyUniqueId}.config.${attribute}, "https://")}`;
}

/**
 * Kong in hybrid data plane mode against Konnect (Kong's documented `KONG_ROLE=data_plane`,
 * `KONG_DATABASE=off`, `KONG_CLUSTER_MTLS=pki`, `KONG_KONNECT_MODE=on`), as a non-root user with a
 * read-only root file system. The private key arrives only through `secrets` (Secrets Manager);
 * the certificate is public and travels as a plain value.
 */
export function kongContainer(
  ctx: StackContext,
  ecs: EcsFargateModel,
  inputs: {
    readonly image: string;
    readonly logGroup: string;
    readonly identity: DataPlaneIdentity;
    /** `KONG_TRUSTED_IPS`: the proxies in front of Kong whose X-Forwarded-For it believes. */
    readonly trustedIps: string;
  },
): ContainerDefinition {
  const controlPlane = hostOf(inputs.identity, 'control_plane_endpoint');
  const telemetry = hostOf(inputs.identity, 'telemetry_endpoint');
  const environment: Record<string, string> = {
    KONG_ROLE: 'data_plane',
    KONG_DATABASE: 'off',
    KONG_KONNECT_MODE: 'on',
    KONG_VITALS: 'off',
    KONG_CLUSTER_MTLS: 'pki',
    KONG_CLUSTER_CONTROL_PLANE: `${controlPlane}:443`,
    KONG_CLUSTER_SERVER_NAME: controlPlane,
    KONG_CLUSTER_TELEMETRY_ENDPOINT: `${telemetry}:443`,
    KONG_CLUSTER_TELEMETRY_SERVER_NAME: telemetry,
    KONG_CLUSTER_CERT: inputs.identity.certPem,
    KONG_CLUSTER_DP_LABELS: `deployment:ecs-fargate,environment:${ctx.env.name}`,
    KONG_LUA_SSL_TRUSTED_CERTIFICATE: 'system',
    KONG_PREFIX: '/kong_prefix',
    KONG_PROXY_LISTEN: `0.0.0.0:${ecs.proxyPort}`,
    KONG_STATUS_LISTEN: `0.0.0.0:${ecs.statusPort}`,
    KONG_ADMIN_LISTEN: 'off',
    KONG_PROXY_ACCESS_LOG: '/dev/stdout',
    KONG_PROXY_ERROR_LOG: '/dev/stderr',
    // Client addresses come from X-Forwarded-For, trusted from the proxies in front of Kong only.
    KONG_REAL_IP_HEADER: 'X-Forwarded-For',
    KONG_REAL_IP_RECURSIVE: 'on',
    KONG_TRUSTED_IPS: inputs.trustedIps,
  };
  return {
    name: 'kong',
    image: inputs.image,
    essential: true,
    // The image's own unprivileged user (docker-kong's `USER kong`), never root.
    user: 'kong',
    readonlyRootFilesystem: true,
    portMappings: [
      { containerPort: ecs.proxyPort, protocol: 'tcp' },
      { containerPort: ecs.statusPort, protocol: 'tcp' },
    ],
    environment: Object.entries(environment)
      .sort(([a], [b]) => compareText(a, b))
      .map(([name, value]) => ({ name, value })),
    secrets: [{ name: 'KONG_CLUSTER_CERT_KEY', valueFrom: inputs.identity.keySecret.arn }],
    mountPoints: [
      { sourceVolume: 'kong-prefix', containerPath: '/kong_prefix' },
      { sourceVolume: 'tmp', containerPath: '/tmp' },
    ],
    // `kong health` checks the node through its prefix; the ALB checks /status/ready.
    healthCheck: {
      command: ['CMD', 'kong', 'health'],
      interval: 15,
      timeout: 5,
      retries: 3,
      startPeriod: 30,
    },
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': inputs.logGroup,
        'awslogs-region': ctx.env.aws.region,
        'awslogs-stream-prefix': 'kong',
      },
    },
    linuxParameters: { initProcessEnabled: true },
  };
}
