import type { ITerraformDependable } from 'cdktn';
import { TerraformData } from '../bindings/terraform-data.js';
import { shellScript, terraformLiteral } from '../teardown/shell-script.js';
import { clusterTeardownSteps } from '../teardown/teardown-steps.js';
import type { StackContext } from './context.js';

/** Written and removed by the destroy step, in the directory Terraform runs in. */
export const teardownKubeconfig = '.routeplane-teardown.kubeconfig';

/**
 * A destroy-time step that removes the Gateway, and so the NLB the AWS Load Balancer Controller
 * made for it, while the controller still runs, then the Argo CD Applications with their resources
 * (clusterTeardownSteps). It depends on the Helm releases, so `terraform
 * destroy` runs it before it uninstalls them and long before the subnets and the VPC, which the
 * NLB's ENIs would otherwise block. Destroy provisioners may reference only `self`, so the script
 * carries its names as literals. It needs `aws` and `kubectl` on PATH (as `aws eks get-token` is
 * already needed by the helm provider). No input, no trigger: nothing replaces this resource on a
 * normal apply, so the step never runs except on destroy.
 */
export function addGatewayTeardown(
  ctx: StackContext,
  releases: readonly ITerraformDependable[],
): TerraformData {
  const script = shellScript(clusterTeardownSteps(ctx.env, { kubeconfig: teardownKubeconfig }), [
    teardownKubeconfig,
  ]);
  return new TerraformData(
    ctx.stack,
    'gateway_teardown',
    {},
    {
      dependsOn: [...releases],
      provisioners: [
        {
          type: 'local-exec',
          when: 'destroy',
          interpreter: ['/bin/sh', '-c'],
          command: terraformLiteral(script),
        },
      ],
    },
  );
}
