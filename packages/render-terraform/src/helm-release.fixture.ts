import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import type { EnvironmentModel, Model } from '@routeplane/model';
import { repoRoot } from '@routeplane/test-support';
import { renderInfra } from './render-infra.js';
import { resource, type TerraformJson } from './terraform-json.fixture.js';

/** The shipped catalog, loaded like `pnpm generate` loads it. */
export const shippedModel: Model = loadModel(join(repoRoot, 'catalog.yaml'));

/** `generated/terraform/<env>/main.tf.json` of the shipped catalog, in memory. */
export function shippedTerraform(env: EnvironmentModel): TerraformJson {
  const [file] = renderInfra({ ...shippedModel, environments: [env] });
  if (file?.content.kind !== 'json') throw new Error('renderInfra must return one JSON file');
  return file.content.value as TerraformJson;
}

/** Fixed stand-in for a Terraform expression, e.g. `tf-aws_eks_cluster-cluster-name`. */
export function placeholder(expression: string): string {
  return `tf-${expression.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * Replaces every Terraform template interpolation `${...}` (nested braces included) with its
 * placeholder, and Terraform's escape `$${` with a literal `${`: what helm would receive once
 * Terraform evaluated the string, with fixed values in place of the unknown ones.
 */
export function withPlaceholders(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) return out + text.slice(i);
    if (text[start - 1] === '$') {
      out += `${text.slice(i, start - 1)}\${`;
      i = start + 2;
      continue;
    }
    let depth = 1;
    let end = start + 2;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
    }
    if (depth > 0)
      throw new Error(`unterminated interpolation in ${text.slice(start, start + 60)}`);
    out += text.slice(i, start) + placeholder(text.slice(start + 2, end - 1));
    i = end;
  }
  return out;
}

/** The `values` documents of one `helm_release`, exactly as written, with placeholders. */
export function releaseValues(tf: TerraformJson, name: string): string[] {
  const values = resource(tf, 'helm_release', name).values;
  if (!Array.isArray(values)) throw new Error(`helm_release.${name} has no values list`);
  return values.map((v) => withPlaceholders(String(v)));
}

/** Chart, namespace and release name of one `helm_release`, for `helm template`. */
export function releaseTarget(
  tf: TerraformJson,
  name: string,
): { readonly chart: string; readonly releaseName: string; readonly namespace: string } {
  const r = resource(tf, 'helm_release', name);
  return { chart: String(r.chart), releaseName: String(r.name), namespace: String(r.namespace) };
}
