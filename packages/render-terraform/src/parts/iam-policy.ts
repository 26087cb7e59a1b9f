/** A typed IAM policy document; rendered with JSON.stringify so key order is the source order. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policy(...statements: PolicyStatement[]): string {
  const document: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return JSON.stringify(document);
}

/** Trust policy letting one AWS service assume a role. */
export function trustPolicy(
  service: string,
  actions: readonly string[] = ['sts:AssumeRole'],
): string {
  return policy({ Effect: 'Allow', Principal: { Service: service }, Action: actions });
}
