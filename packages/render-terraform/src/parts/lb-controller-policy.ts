import { type PolicyStatement, policy } from './iam-policy.js';

const clusterTag = 'elbv2.k8s.aws/cluster';

/**
 * IAM policy of the AWS Load Balancer Controller, reduced to what an internal NLB with ip targets
 * needs (the upstream docs/install/iam_policy.json at v3.5.0 also serves ALB Ingresses: Cognito, WAF,
 * Shield protections, listener rules, trust stores, IPAM pools, none of which an NLB Service uses). Mutations stay limited to resources the controller tagged with
 * `elbv2.k8s.aws/cluster`, and every ARN is pinned to this partition, region and account.
 */
export function lbControllerPolicy(partition: string, region: string, account: string): string {
  const elb = `arn:${partition}:elasticloadbalancing:${region}:${account}`;
  const securityGroups = `arn:${partition}:ec2:${region}:${account}:security-group/*`;
  const targetGroups = `${elb}:targetgroup/*/*`;
  const loadBalancers = `${elb}:loadbalancer/net/*/*`;
  const statements: PolicyStatement[] = [
    {
      Sid: 'ElbServiceLinkedRole',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    {
      Sid: 'Discover',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeAccountAttributes',
        'ec2:DescribeAddresses',
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeVpcs',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeTags',
        'ec2:DescribeRouteTables',
        'ec2:GetSecurityGroupsForVpc',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeLoadBalancerAttributes',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeListenerAttributes',
        'elasticloadbalancing:DescribeListenerCertificates',
        'elasticloadbalancing:DescribeSSLPolicies',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetHealth',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeCapacityReservation',
        'acm:ListCertificates',
        'acm:DescribeCertificate',
      ],
      Resource: '*',
    },
    {
      // Every stack deploy asks whether the account subscribes to Shield Advanced (the controller's
      // --enable-shield defaults to true, also for NLBs): v3.5.0 pkg/deploy/stack_deployer.go
      // lines 159-164, as in upstream docs/install/iam_policy.json. Shield has no resource-level
      // permissions for this call. Protection create/delete stay out: no catalog asks for Shield.
      Sid: 'ShieldSubscriptionState',
      Effect: 'Allow',
      Action: 'shield:GetSubscriptionState',
      Resource: '*',
    },
    {
      Sid: 'CreateOwnSecurityGroups',
      Effect: 'Allow',
      Action: 'ec2:CreateSecurityGroup',
      Resource: '*',
    },
    {
      Sid: 'TagNewSecurityGroups',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: securityGroups,
      Condition: {
        StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' },
        Null: { [`aws:RequestTag/${clusterTag}`]: 'false' },
      },
    },
    {
      Sid: 'RetagOwnSecurityGroups',
      Effect: 'Allow',
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: securityGroups,
      Condition: {
        Null: {
          [`aws:RequestTag/${clusterTag}`]: 'true',
          [`aws:ResourceTag/${clusterTag}`]: 'false',
        },
      },
    },
    {
      // Backend rules are added to the node/cluster security group, which the controller did not
      // create, so ingress changes cannot be limited by tag (as upstream).
      Sid: 'ManageBackendRules',
      Effect: 'Allow',
      Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      Resource: securityGroups,
    },
    {
      Sid: 'DeleteOwnSecurityGroups',
      Effect: 'Allow',
      Action: 'ec2:DeleteSecurityGroup',
      Resource: securityGroups,
      Condition: { Null: { [`aws:ResourceTag/${clusterTag}`]: 'false' } },
    },
    {
      Sid: 'CreateTaggedLoadBalancers',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      Resource: '*',
      Condition: { Null: { [`aws:RequestTag/${clusterTag}`]: 'false' } },
    },
    {
      Sid: 'ManageListeners',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:CreateListener',
        'elasticloadbalancing:DeleteListener',
        'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:ModifyListenerAttributes',
        'elasticloadbalancing:AddListenerCertificates',
        'elasticloadbalancing:RemoveListenerCertificates',
      ],
      Resource: [loadBalancers, `${elb}:listener/net/*/*/*`],
    },
    {
      Sid: 'TagOnCreate',
      Effect: 'Allow',
      Action: 'elasticloadbalancing:AddTags',
      Resource: [targetGroups, loadBalancers],
      Condition: {
        StringEquals: {
          'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'],
        },
        Null: { [`aws:RequestTag/${clusterTag}`]: 'false' },
      },
    },
    {
      Sid: 'RetagOwnLoadBalancers',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      Resource: [targetGroups, loadBalancers],
      Condition: {
        Null: {
          [`aws:RequestTag/${clusterTag}`]: 'true',
          [`aws:ResourceTag/${clusterTag}`]: 'false',
        },
      },
    },
    {
      Sid: 'TagListeners',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      Resource: `${elb}:listener/net/*/*/*`,
    },
    {
      Sid: 'ModifyOwnLoadBalancers',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:ModifyLoadBalancerAttributes',
        'elasticloadbalancing:SetIpAddressType',
        'elasticloadbalancing:SetSecurityGroups',
        'elasticloadbalancing:SetSubnets',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:ModifyTargetGroup',
        'elasticloadbalancing:ModifyTargetGroupAttributes',
        'elasticloadbalancing:DeleteTargetGroup',
        'elasticloadbalancing:ModifyCapacityReservation',
      ],
      Resource: [targetGroups, loadBalancers],
      Condition: { Null: { [`aws:ResourceTag/${clusterTag}`]: 'false' } },
    },
    {
      Sid: 'RegisterTargets',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
      Resource: targetGroups,
    },
  ];
  return policy(...statements);
}
