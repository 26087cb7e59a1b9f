import { fixtureModel } from '@routeplane/catalog/testing';
import type { EnvironmentModel } from '@routeplane/model';
import { renderInfra } from './render-infra.js';

/** The parts of a Terraform JSON configuration the tests read. */
export interface TerraformJson {
  readonly terraform: {
    readonly required_version: string;
    readonly required_providers: Record<
      string,
      { readonly source: string; readonly version: string }
    >;
    readonly backend: { readonly s3: Record<string, unknown> };
  };
  readonly provider: Record<string, Record<string, unknown>[]>;
  readonly locals?: Record<string, string>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly data: Record<string, Record<string, Record<string, unknown>>>;
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
}

/** Terraform JSON of one environment (rendered alone, as `routeplane generate --env` does). */
export function synth(env: EnvironmentModel): TerraformJson {
  const [file] = renderInfra({ ...fixtureModel(), environments: [env] });
  if (file?.content.kind !== 'json') throw new Error('renderInfra must return one JSON file');
  return file.content.value as TerraformJson;
}

/** All resources of one type, by name (empty when there are none). */
export function resources(
  tf: TerraformJson,
  type: string,
): Record<string, Record<string, unknown>> {
  return tf.resource[type] ?? {};
}

/** The one resource of a type and name; throws a readable error when it is missing. */
export function resource(tf: TerraformJson, type: string, name: string): Record<string, unknown> {
  const found = resources(tf, type)[name];
  if (!found) throw new Error(`resource ${type}.${name} not rendered`);
  return found;
}

/** Parses a JSON-encoded attribute (IAM policies, Helm values). */
export function parsed<T = Record<string, unknown>>(value: unknown): T {
  if (typeof value !== 'string') throw new Error(`expected a JSON string, got ${typeof value}`);
  return JSON.parse(value) as T;
}

/** A Terraform reference as cdktn renders it: `ref('aws_vpc.vpc.id')` is `${aws_vpc.vpc.id}`. */
export function ref(expression: string): string {
  return `\${${expression}}`;
}
