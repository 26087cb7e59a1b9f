import { CloudwatchLogGroup } from '@cdktn/provider-aws/lib/cloudwatch-log-group/index.js';
import { CloudwatchLogResourcePolicy } from '@cdktn/provider-aws/lib/cloudwatch-log-resource-policy/index.js';
import type { AwsProvider } from '@cdktn/provider-aws/lib/provider/index.js';
import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktn/provider-aws/lib/wafv2-web-acl/index.js';
import { Wafv2WebAclLoggingConfiguration } from '@cdktn/provider-aws/lib/wafv2-web-acl-logging-configuration/index.js';
import type { StackContext } from './context.js';
import { policy } from './iam-policy.js';
import { logsKey } from './kms.js';
import { logRetentionDays } from './network.js';

/**
 * The binding types `statement` as `any` (the schema nests too deep for the generator), so the
 * statements used here are typed locally with the provider's block names.
 */
type Statement =
  | {
      readonly managed_rule_group_statement: {
        readonly name: string;
        readonly vendor_name: 'AWS';
        readonly rule_action_override?: readonly {
          readonly name: string;
          readonly action_to_use: { readonly count: Record<string, never> };
        }[];
      };
    }
  | {
      readonly rate_based_statement: {
        readonly limit: number;
        readonly aggregate_key_type: 'IP';
        readonly evaluation_window_sec: 300;
      };
    };

interface ManagedGroup {
  readonly name: string;
  /** Rules of the group switched to count (observe only). */
  readonly count: readonly string[];
}

/** Evaluated in this order after the rate limit. */
export const managedGroups: readonly ManagedGroup[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList', count: [] },
  // APIs take bodies over 8 KB: the body size rule only counts.
  { name: 'AWSManagedRulesCommonRuleSet', count: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', count: [] },
  { name: 'AWSManagedRulesSQLiRuleSet', count: [] },
];

function visibility(metricName: string): Wafv2WebAclRule['visibilityConfig'] {
  return { cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

function rule(
  name: string,
  priority: number,
  statement: Statement,
  action: Pick<Wafv2WebAclRule, 'action' | 'overrideAction'>,
): Wafv2WebAclRule {
  return { name, priority, statement, ...action, visibilityConfig: visibility(name) };
}

/** Where the web ACL lives: CloudFront's in us-east-1, a regional one beside its ALB. */
export interface WafPlacement {
  readonly scope: 'CLOUDFRONT' | 'REGIONAL';
  /** What the ACL protects, for its description. */
  readonly protects: string;
}

/** CloudFront in front of Kong (the default placement). */
export const cloudfrontWaf: WafPlacement = {
  scope: 'CLOUDFRONT',
  protects: 'CloudFront in front of Kong',
};

/**
 * Web ACL and its logging: the same rate limit and managed groups for every placement (CLOUDFRONT
 * scope lives in us-east-1, REGIONAL in the environment's region).
 * `ratePer5Minutes`: the per-IP limit (`aws.edge`, or the ecsFargate cloudfront entry's).
 */
export function addWaf(
  ctx: StackContext,
  ratePer5Minutes: number,
  placement: WafPlacement = cloudfrontWaf,
): Wafv2WebAcl {
  const { stack, env } = ctx;
  const regional = placement.scope === 'REGIONAL';
  const provider: AwsProvider = regional ? ctx.aws : ctx.awsUsEast1;
  const region = regional ? env.aws.region : 'us-east-1';
  const name = `${env.aws.cluster.name}-edge`;
  const rules: Wafv2WebAclRule[] = [
    rule(
      'rate-limit-per-ip',
      0,
      {
        rate_based_statement: {
          limit: ratePer5Minutes,
          aggregate_key_type: 'IP',
          evaluation_window_sec: 300,
        },
      },
      { action: { block: {} } },
    ),
    ...managedGroups.map((group, index) =>
      rule(
        group.name,
        index + 1,
        {
          managed_rule_group_statement: {
            name: group.name,
            vendor_name: 'AWS',
            ...(group.count.length > 0
              ? {
                  rule_action_override: group.count.map((ruleName) => ({
                    name: ruleName,
                    action_to_use: { count: {} },
                  })),
                }
              : {}),
          },
        },
        { overrideAction: { none: {} } },
      ),
    ),
  ];
  const acl = new Wafv2WebAcl(stack, 'web_acl', {
    provider,
    name,
    description: `routeplane ${env.name}: ${placement.protects}`,
    scope: placement.scope,
    defaultAction: { allow: {} },
    rule: rules,
    visibilityConfig: visibility(name),
  });

  const key = logsKey(ctx, 'edge_logs', region, provider);
  // WAF only logs to groups whose name starts with aws-waf-logs-.
  const group = new CloudwatchLogGroup(stack, 'web_acl_log_group', {
    provider,
    name: `aws-waf-logs-${env.aws.cluster.name}`,
    retentionInDays: logRetentionDays,
    kmsKeyId: key.arn,
  });
  const delivery = new CloudwatchLogResourcePolicy(stack, 'web_acl_log_delivery', {
    provider,
    policyName: `${env.aws.cluster.name}-waf-log-delivery`,
    policyDocument: policy({
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${group.arn}:*`,
      Condition: {
        ArnLike: { 'aws:SourceArn': `arn:${ctx.partition}:logs:${region}:${ctx.accountId}:*` },
        StringEquals: { 'aws:SourceAccount': ctx.accountId },
      },
    }),
  });
  new Wafv2WebAclLoggingConfiguration(stack, 'web_acl_logging', {
    provider,
    resourceArn: acl.arn,
    logDestinationConfigs: [group.arn],
    // Bearer tokens (JWTs) never reach the logs.
    redactedFields: [{ singleHeader: { name: 'authorization' } }],
    dependsOn: [delivery],
  });
  return acl;
}
