import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { applicationHealthLua } from '@routeplane/render-argocd';
import { describe, expect, it } from 'vitest';
import { amiType } from './parts/node-groups.js';
import { parsed, ref, resource, resources, synth } from './terraform-json.fixture.js';

describe('cluster and GitOps bootstrap', () => {
  const tf = synth(fixtureEnvironment());

  it('labels and taints the system node group, labels the user node group', () => {
    expect(resource(tf, 'aws_eks_node_group', 'system_node_group')).toMatchObject({
      labels: { 'node-role': 'system' },
      taint: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NO_SCHEDULE' }],
    });
    const user = resource(tf, 'aws_eks_node_group', 'user_node_group');
    expect(user).not.toHaveProperty('taint');
    expect(user.ami_type).toBe('AL2023_ARM_64_STANDARD');
  });

  it.each([
    [['m7i.large'], 'AL2023_x86_64_STANDARD'],
    [['m7g.large', 'c7gd.xlarge'], 'AL2023_ARM_64_STANDARD'],
    [['m7g.large', 'm7i.large'], 'AL2023_x86_64_STANDARD'],
  ])('picks the AMI for %j: %s', (types, expected) => {
    expect(amiType(types)).toBe(expected);
  });

  it('grants the catalog admins cluster admin through access entries (API mode)', () => {
    expect(resource(tf, 'aws_eks_cluster', 'cluster').access_config).toEqual({
      authentication_mode: 'API',
      bootstrap_cluster_creator_admin_permissions: false,
    });
    expect(resource(tf, 'aws_eks_access_entry', 'admin_access_entry_0').principal_arn).toBe(
      'arn:aws:iam::111122223333:role/PlatformAdmin',
    );
    expect(
      resource(tf, 'aws_eks_access_policy_association', 'admin_access_policy_0'),
    ).toMatchObject({
      access_scope: { type: 'cluster' },
      policy_arn: `arn:\${data.aws_partition.partition.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
    });
  });

  it('installs the managed add-ons including the Pod Identity agent', () => {
    expect(
      Object.values(resources(tf, 'aws_eks_addon'))
        .map((a) => a.addon_name)
        .sort(),
    ).toEqual(['coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
  });

  it('turns on NetworkPolicy enforcement in the VPC CNI (off by default on EKS)', () => {
    const cni = resource(tf, 'aws_eks_addon', 'addon_vpc_cni');
    expect(JSON.parse(String(cni.configuration_values))).toEqual({ enableNetworkPolicy: 'true' });
  });

  it('registers the CloudFront origin hostname as the data planes custom domain', () => {
    const edge = fixtureEnvironment().aws.edge;
    const proxyDomain = edge?.kind === 'cloudfront' ? edge.kongProxyDomain : undefined;
    expect(proxyDomain).toBeDefined();
    const env = fixtureEnvironment();
    expect(
      resource(tf, 'konnect_cloud_gateway_custom_domain', 'proxy_custom_domain'),
    ).toMatchObject({
      control_plane_geo: env.kong.konnectRegion,
      control_plane_id: ref('konnect_gateway_control_plane.control_plane.id'),
      domain: proxyDomain,
    });
    const origin = (
      resource(tf, 'aws_cloudfront_distribution', 'distribution').origin as {
        domain_name: string;
      }[]
    )[0];
    expect(origin?.domain_name).toBe(proxyDomain);
  });

  it('binds the load balancer controller role with Pod Identity and schedules it on system nodes', () => {
    expect(
      resource(tf, 'aws_eks_pod_identity_association', 'lb_controller_pod_identity'),
    ).toMatchObject({
      namespace: 'kube-system',
      service_account: 'aws-load-balancer-controller',
      role_arn: ref('aws_iam_role.lb_controller_role.arn'),
    });
    const trust = parsed<{ Statement: { Principal: unknown; Action: unknown }[] }>(
      resource(tf, 'aws_iam_role', 'lb_controller_role').assume_role_policy,
    );
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]);
    const release = resource(tf, 'helm_release', 'lb_controller_release');
    expect(release).toMatchObject({ chart: 'aws-load-balancer-controller', version: '1.15.0' });
    expect(parsed((release.values as string[])[0])).toMatchObject({
      clusterName: ref('aws_eks_cluster.cluster.name'),
      vpcId: ref('aws_vpc.vpc.id'),
      region: 'eu-west-1',
      nodeSelector: { 'node-role': 'system' },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
      ],
    });
  });

  const controllerActions = (): string[] =>
    parsed<{ Statement: { Action: string | string[] }[] }>(
      resource(tf, 'aws_iam_policy', 'lb_controller_policy').policy,
    ).Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

  it('never lets the controller policy use a wildcard action or an ALB-only API', () => {
    for (const action of controllerActions()) {
      expect(action).not.toMatch(/\*|cognito|waf|shield:(Create|Delete|Describe)/);
    }
  });

  it('lets controller v3.5 read the Shield subscription state it asks for on every deploy', () => {
    expect(controllerActions()).toContain('shield:GetSubscriptionState');
  });

  it('installs Argo CD on system nodes with the Application health Lua of the Argo CD renderer', () => {
    const release = resource(tf, 'helm_release', 'argocd_release');
    expect(release).toMatchObject({ chart: 'argo-cd', version: '9.4.1', namespace: 'argocd' });
    const values = parsed<{
      global: unknown;
      configs: { cm: Record<string, string> };
      server: unknown;
    }>((release.values as string[])[0]);
    expect(values.configs.cm['resource.customizations.health.argoproj.io_Application']).toBe(
      applicationHealthLua,
    );
    expect(values.global).toEqual({
      nodeSelector: { 'node-role': 'system' },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
      ],
    });
    expect(values.server).toEqual({ service: { type: 'ClusterIP' }, ingress: { enabled: false } });
  });

  it('creates the root Application with the argocd-apps 2.x map syntax, pointing at argocd/<env>/apps', () => {
    const release = resource(tf, 'helm_release', 'argocd_root_application');
    expect(release).toMatchObject({
      chart: 'argocd-apps',
      version: '2.0.2',
      depends_on: ['helm_release.argocd_release'],
    });
    const values = parsed<{
      applications: Record<
        string,
        { project: string; source: { path: string; targetRevision: string } }
      >;
      projects: Record<string, unknown>;
    }>((release.values as string[])[0]);
    expect(Object.keys(values.applications)).toEqual(['routeplane-dev-root']);
    expect(values.applications['routeplane-dev-root']).toMatchObject({
      project: 'routeplane-dev-bootstrap',
      source: { path: 'argocd/dev/apps', targetRevision: 'main' },
    });
    // Only the bootstrap project: the workload project belongs to the root (see parts/argocd.test.ts).
    expect(Object.keys(values.projects)).toEqual(['routeplane-dev-bootstrap']);
  });
});
