import type { EnvironmentModel } from '@routeplane/model';
import type { TerraformStack } from 'cdktn';
import { addAlbEdge } from './parts/alb-edge.js';
import { addPrivateApiAccess } from './parts/api-access.js';
import { addArgocd } from './parts/argocd.js';
import { addCloudfront } from './parts/cloudfront.js';
import { addClusterAdmins } from './parts/cluster-admins.js';
import { dedicatedEdge } from './parts/context.js';
import { addDedicatedConnectivity } from './parts/dedicated/connectivity.js';
import { addPrivateDns } from './parts/dedicated/private-dns.js';
import { addWorkloadIdentity } from './parts/dedicated/workload-identity.js';
import { addEcsFargateDataPlane } from './parts/ecs-fargate/index.js';
import { addEksAddons } from './parts/eks-addons.js';
import { addEksCluster } from './parts/eks-cluster.js';
import { addGatewayIngress } from './parts/gateway-ingress.js';
import { addGatewayTeardown } from './parts/gateway-teardown.js';
import { logsKey } from './parts/kms.js';
import { addKongAccount, addKonnect } from './parts/konnect.js';
import { addHelmProvider } from './parts/kubernetes-access.js';
import { addLbController } from './parts/lb-controller.js';
import { addNetwork } from './parts/network.js';
import { addNodeGroups } from './parts/node-groups.js';
import { addProviders } from './parts/providers.js';
import { addWaf } from './parts/waf.js';

/** Everything one environment needs, in one stack (one state file). */
export function buildEnvironmentStack(stack: TerraformStack, env: EnvironmentModel): void {
  const ctx = addProviders(stack, env);
  const regionalLogsKey = logsKey(ctx, 'logs', env.aws.region);

  const network = addNetwork(ctx, regionalLogsKey);
  const cluster = addEksCluster(ctx, network, regionalLogsKey);
  const nodes = addNodeGroups(ctx, network, cluster);
  const addons = addEksAddons(ctx, cluster, nodes);
  const helm = addHelmProvider(ctx, cluster);
  // The releases install as an admin, through the API access the catalog grants the runner.
  const kubernetesAccess = [addClusterAdmins(ctx, cluster), ...addPrivateApiAccess(ctx, cluster)];
  // Both releases run on the system nodes; the controller needs Pod Identity.
  const lbController = addLbController(ctx, network, cluster, helm, [
    nodes.system,
    addons.podIdentityAgent,
    ...kubernetesAccess,
  ]);
  const gitops = addArgocd(ctx, helm, [nodes.system, lbController, ...kubernetesAccess]);
  // Destroyed first: removes the Gateway's NLB while the controller can still delete it.
  addGatewayTeardown(ctx, [lbController, ...gitops]);

  const gatewaySecurityGroup = addGatewayIngress(ctx, network);
  // --- kong.dataPlane.kind: ecsFargate replaces everything below (issue 18) ---
  if (env.kong.ecsFargate !== undefined) {
    addEcsFargateDataPlane(ctx, env.kong.ecsFargate, network, regionalLogsKey);
    return;
  }
  const kongAccount = addKongAccount(ctx);
  const konnect = addKonnect(ctx, kongAccount);
  const kongRoute = addDedicatedConnectivity(ctx, {
    network,
    konnect,
    kongAwsAccountId: kongAccount.awsAccountId,
    gatewaySecurityGroup,
  });
  addPrivateDns(ctx, network, konnect);
  addWorkloadIdentity(ctx, konnect, kongAccount);

  // aws.edge.kind none: clients use the Konnect custom domain, with no CDN or WAF in front.
  const edge = dedicatedEdge(env);
  if (edge.kind === 'cloudfront')
    addCloudfront(ctx, edge, addWaf(ctx, edge.wafRateLimitPer5Minutes));
  // The loader refuses alb with privateEndpoint, the one connectivity without a route target.
  if (edge.kind === 'alb' && kongRoute !== undefined)
    addAlbEdge(ctx, { edge, network, konnect, kongRoute });
}
