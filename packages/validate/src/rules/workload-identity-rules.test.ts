import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';
import { notTerraformPaths, withCopyAt } from './misplaced-terraform.fixture.js';

const rule = 'xlayer/kong-workload-identity';
const tree = exampleTree('workload-identity');
const prod = 'generated/terraform/prod/main.tf.json';
const roleId = 'kong_workload_identity_kong_prod_pricing_invoker';

type Doc = Record<string, unknown>;
type Statement = { Effect: string; Action: string | string[]; Principal?: unknown };
type Trust = { Statement: (Statement & { Principal: { AWS: string[] } })[] };

const findings = (files: TreeFile[]) => ruleFindings(rule, files);

/** Edits the prod role's trust policy in place. */
const editTrust = (edit: (trust: Trust) => void) => (tf: unknown) => {
  const role = at(tf, 'resource', 'aws_iam_role', roleId) as Doc;
  const trust = JSON.parse(String(role.assume_role_policy)) as Trust;
  edit(trust);
  role.assume_role_policy = JSON.stringify(trust);
  return undefined;
};

/** Adds a second Allow statement for sts:AssumeRole with `principal` beside the networks' one. */
const alsoTrust = (principal: unknown) =>
  editTrust((t) => {
    (t.Statement as Statement[]).push({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: principal,
    });
  });

const trustAccount = editTrust((t) => {
  if (t.Statement[0]) t.Statement[0].Principal.AWS = ['arn:aws:iam::111122223333:root'];
});

const trusts = (principal: string) =>
  `${prod} aws_iam_role.${roleId}: trusts ${principal}, which is not the Konnect role of a network of this environment (arn:<partition>:iam::\${local.kong_aws_account_id}:role/\${konnect_cloud_gateway_network.<name>.id})`;

const misses = (network: string) =>
  `${prod} aws_iam_role.${roleId}: does not trust the Konnect role of konnect_cloud_gateway_network.${network} for sts:AssumeRole, so the data planes of that network cannot assume it`;

describe(rule, () => {
  it('passes examples/workload-identity (prod trusts both regions)', () => {
    expect(findings(tree)).toEqual([]);
  });

  it('ignores roles without the workload identity tag (the cluster and node roles)', () => {
    const edited = corrupt(tree, prod, 0, (tf) => {
      delete (at(tf, 'resource', 'aws_iam_role', roleId) as Doc).tags;
    });
    expect(findings(edited)).toEqual([]);
  });

  it.each<[string, (tf: unknown) => undefined, string[]]>([
    [
      "a role missing the second region's network",
      editTrust((t) => {
        t.Statement[0]?.Principal.AWS.pop();
      }),
      [misses('cloud_gateway_network_us_west_2')],
    ],
    [
      'a role trusting a whole account instead',
      trustAccount,
      [
        misses('cloud_gateway_network'),
        misses('cloud_gateway_network_us_west_2'),
        trusts('arn:aws:iam::111122223333:root'),
      ],
    ],
    ['a second statement trusting anyone ("Principal": "*")', alsoTrust('*'), [trusts('*')]],
    [
      'a second statement trusting a service',
      alsoTrust({ Service: 'ecs-tasks.amazonaws.com' }),
      [trusts('ecs-tasks.amazonaws.com')],
    ],
    [
      'a second statement trusting an OIDC provider',
      alsoTrust({ Federated: ['arn:aws:iam::111122223333:oidc-provider/example.com'] }),
      [trusts('arn:aws:iam::111122223333:oidc-provider/example.com')],
    ],
    [
      'a statement without a principal',
      editTrust((t) => {
        delete (t.Statement[0] as Statement).Principal;
      }),
      [misses('cloud_gateway_network'), misses('cloud_gateway_network_us_west_2')],
    ],
    [
      'a role without a trust policy',
      (tf) => {
        delete (at(tf, 'resource', 'aws_iam_role', roleId) as Doc).assume_role_policy;
        return undefined;
      },
      [misses('cloud_gateway_network'), misses('cloud_gateway_network_us_west_2')],
    ],
    [
      'a trust that denies instead of allowing',
      editTrust((t) => {
        if (t.Statement[0]) t.Statement[0].Effect = 'Deny';
      }),
      [misses('cloud_gateway_network'), misses('cloud_gateway_network_us_west_2')],
    ],
    [
      'a trust for another action',
      editTrust((t) => {
        if (t.Statement[0]) t.Statement[0].Action = 'sts:TagSession';
      }),
      [misses('cloud_gateway_network'), misses('cloud_gateway_network_us_west_2')],
    ],
    [
      'a trust policy that is not JSON',
      (tf) => {
        (at(tf, 'resource', 'aws_iam_role', roleId) as Doc).assume_role_policy = `\${data.x.json}`;
        return undefined;
      },
      [misses('cloud_gateway_network'), misses('cloud_gateway_network_us_west_2')],
    ],
  ])('flags %s', (_name, edit, expected) => {
    expect(findings(corrupt(tree, prod, 0, edit))).toEqual(expected);
  });

  it.each<[string, (tf: unknown) => undefined]>([
    [
      "a null statement beside the networks' one (IAM rejects the document)",
      editTrust((t) => {
        (t.Statement as unknown[]).push(null);
      }),
    ],
    [
      'a principal that is not a string beside the networks (IAM rejects the document)',
      editTrust((t) => {
        if (t.Statement[0]) (t.Statement[0].Principal.AWS as unknown[]).push(42);
      }),
    ],
  ])('skips %s', (_name, edit) => {
    expect(findings(corrupt(tree, prod, 0, edit))).toEqual([]);
  });

  it('passes a trust that lists sts:AssumeRole among other actions', () => {
    const edited = corrupt(
      tree,
      prod,
      0,
      editTrust((t) => {
        if (t.Statement[0]) t.Statement[0].Action = ['sts:TagSession', 'sts:AssumeRole'];
      }),
    );
    expect(findings(edited)).toEqual([]);
  });

  it.each(notTerraformPaths)('does not read %s', (path) => {
    const untrusted = corrupt(tree, prod, 0, trustAccount);
    expect(findings(withCopyAt(tree, untrusted, prod, path))).toEqual([]);
  });
});
