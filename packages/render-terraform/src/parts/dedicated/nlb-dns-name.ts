import { TerraformCount, TerraformVariable, Token } from 'cdktn';
import type { StackContext } from '../context.js';

/** Terraform input carrying the NLB's DNS name: the Load Balancer Controller names it at run time. */
export const nlbDnsNameVariable = 'gateway_nlb_dns_name';

/** An internal NLB's DNS name as AWS writes it, e.g. `k8s-x.elb.us-east-1.amazonaws.com`. */
const nlbDnsNamePattern = '^$|^[a-z0-9-]+\\.elb\\.[a-z0-9-]+\\.amazonaws\\.com$';

export interface NlbDnsName {
  /** `var.gateway_nlb_dns_name`. */
  readonly value: string;
  /** `count` of what needs the NLB: 0 while the input is empty (first apply), then 1. */
  readonly once: TerraformCount;
}

/**
 * The gateway NLB's DNS name. The AWS Load Balancer Controller creates the NLB once Argo CD synced
 * the Gateway, after the first apply, so what names it waits for a second apply with the input set.
 * One variable per stack, however many parts ask for it.
 */
export function nlbDnsName(ctx: StackContext): NlbDnsName {
  const gw = ctx.env.gateway;
  const existing = ctx.stack.node.tryFindChild(nlbDnsNameVariable);
  const variable =
    existing instanceof TerraformVariable
      ? existing
      : new TerraformVariable(ctx.stack, nlbDnsNameVariable, {
          type: 'string',
          default: '',
          nullable: false,
          description: `DNS name of the gateway's internal NLB, empty until it exists: kubectl -n ${gw.namespace} get gateway ${gw.name} -o jsonpath='{.status.addresses[0].value}'`,
          validation: [
            {
              condition: `\${can(regex("${nlbDnsNamePattern.replaceAll('\\', '\\\\')}", var.${nlbDnsNameVariable}))}`,
              errorMessage: `${nlbDnsNameVariable} must be empty or an ELB DNS name such as k8s-istioing-x.elb.${ctx.env.aws.region}.amazonaws.com.`,
            },
          ],
        });
  return {
    value: variable.stringValue,
    once: TerraformCount.of(Token.asNumber(`\${var.${nlbDnsNameVariable} == "" ? 0 : 1}`)),
  };
}

/** `${type.name[0].attribute}` of a resource created with `count`. */
export function firstOf(
  resource: { terraformResourceType: string; friendlyUniqueId: string },
  attribute: string,
): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}[0].${attribute}}`;
}
