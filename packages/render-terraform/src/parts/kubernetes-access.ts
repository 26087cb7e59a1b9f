import type { EksCluster } from '@cdktn/provider-aws/lib/eks-cluster/index.js';
import { Fn } from 'cdktn';
import { HelmProvider } from '../bindings/helm-provider.js';
import type { StackContext } from './context.js';

/**
 * The helm provider talks to the new cluster with a short-lived token from `aws eks get-token`
 * (the AWS CLI on the machine running Terraform): no kubeconfig file, nothing stored in state.
 */
export function addHelmProvider(ctx: StackContext, cluster: EksCluster): HelmProvider {
  return new HelmProvider(ctx.stack, 'helm', {
    kubernetes: {
      host: cluster.endpoint,
      cluster_ca_certificate: Fn.base64decode(cluster.certificateAuthority.get(0).data),
      exec: {
        api_version: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        args: ['eks', 'get-token', '--cluster-name', cluster.name, '--region', ctx.env.aws.region],
      },
    },
  });
}

/** Helm values as a JSON document (valid YAML); built from objects, never from text. */
export function helmValues(values: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(values);
}

/** Scheduling onto the tainted system node group. */
export function systemScheduling(ctx: StackContext): {
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly unknown[];
} {
  return {
    nodeSelector: ctx.env.gateway.systemNodeSelector,
    tolerations: [ctx.env.gateway.systemToleration],
  };
}
