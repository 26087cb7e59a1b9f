import { Apigatewayv2Api } from '@cdktn/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2ApiMapping } from '@cdktn/provider-aws/lib/apigatewayv2-api-mapping/index.js';
import { Apigatewayv2DomainName } from '@cdktn/provider-aws/lib/apigatewayv2-domain-name/index.js';
import { Apigatewayv2Integration } from '@cdktn/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktn/provider-aws/lib/apigatewayv2-route/index.js';
import { Apigatewayv2Stage } from '@cdktn/provider-aws/lib/apigatewayv2-stage/index.js';
import { Apigatewayv2VpcLink } from '@cdktn/provider-aws/lib/apigatewayv2-vpc-link/index.js';
import type { KmsKey } from '@cdktn/provider-aws/lib/kms-key/index.js';
import type { SecurityGroup } from '@cdktn/provider-aws/lib/security-group/index.js';
import type { ApiGatewayEntryModel, EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';
import { encryptedLogGroup } from './encrypted-log-group.js';
import type { KongAlb } from './internal-alb.js';
import type { KongNetwork } from './kong-network.js';

/** API Gateway's `$context` variables of one JSON access log line. */
const accessLogFormat = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
});

/**
 * HTTP API -> VPC link (ENIs in Kong's app subnets) -> internal ALB. One `ANY /{proxy+}` route,
 * the `$default` stage with access logs and throttling, and the catalog's custom domain when it
 * names one (then the execute-api endpoint is turned off, so the domain is the only way in).
 */
export function addApiGatewayEntry(
  ctx: StackContext,
  ecs: EcsFargateModel,
  entry: ApiGatewayEntryModel,
  parts: {
    readonly network: KongNetwork;
    /** The VPC link's group (only the apiGateway entry has one). */
    readonly vpcLinkGroup: SecurityGroup;
    readonly alb: KongAlb;
    readonly logsKey: KmsKey;
  },
): Apigatewayv2Api {
  const { stack, env } = ctx;
  const api = new Apigatewayv2Api(stack, 'kong_http_api', {
    name: ecs.name,
    description: `routeplane ${env.name}: clients -> Kong on ECS Fargate`,
    protocolType: 'HTTP',
    disableExecuteApiEndpoint: entry.customDomain !== undefined,
  });
  const linkSubnets = parts.network.app
    .filter((_, index) => entry.vpcLinkSubnets.includes(ecs.subnets.app[index] ?? ''))
    .map((s) => s.id);
  const link = new Apigatewayv2VpcLink(stack, 'kong_vpc_link', {
    name: ecs.name,
    subnetIds: linkSubnets,
    securityGroupIds: [parts.vpcLinkGroup.id],
  });
  const integration = new Apigatewayv2Integration(stack, 'kong_alb_integration', {
    apiId: api.id,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'ANY',
    integrationUri: parts.alb.listener.arn,
    connectionType: 'VPC_LINK',
    connectionId: link.id,
    payloadFormatVersion: '1.0',
  });
  new Apigatewayv2Route(stack, 'kong_proxy_route', {
    apiId: api.id,
    routeKey: 'ANY /{proxy+}',
    target: `integrations/${integration.id}`,
  });
  const logs = encryptedLogGroup(
    ctx,
    'kong_api_access_logs',
    `/aws/apigateway/${ecs.name}`,
    parts.logsKey,
  );
  const stage = new Apigatewayv2Stage(stack, 'kong_default_stage', {
    apiId: api.id,
    name: '$default',
    autoDeploy: true,
    accessLogSettings: { destinationArn: logs.arn, format: accessLogFormat },
    defaultRouteSettings: {
      throttlingRateLimit: entry.throttlingRateLimit,
      throttlingBurstLimit: entry.throttlingBurstLimit,
      detailedMetricsEnabled: true,
    },
  });
  if (entry.customDomain !== undefined) {
    const domain = new Apigatewayv2DomainName(stack, 'kong_api_domain', {
      domainName: entry.customDomain.domainName,
      domainNameConfiguration: {
        // Regional ACM certificate; API Gateway accepts RSA keys of at most 2048 bits.
        certificateArn: entry.customDomain.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
      },
    });
    new Apigatewayv2ApiMapping(stack, 'kong_api_mapping', {
      apiId: api.id,
      domainName: domain.id,
      stage: stage.id,
    });
  }
  return api;
}
