import { compareText } from '@routeplane/model';
import { TerraformStack } from 'cdktn';
import { Construct } from 'constructs';

/** S3-native state locking (`use_lockfile`) needs Terraform or OpenTofu 1.10. */
export const targetVersions = { terraform: '>=1.10.0', opentofu: '>=1.10.0' } as const;

/**
 * Synthesizes one stack to its Terraform JSON object without an `App`: `App` reads environment
 * variables and creates an output directory, and renderers touch neither. The `//` metadata cdktn
 * adds (construct paths, stack traces with absolute paths) is dropped and keys are sorted, so the
 * result depends on the Model only.
 */
export function synthesizeInMemory(name: string, build: (stack: TerraformStack) => void): unknown {
  const root = new Construct(undefined as unknown as Construct, '');
  // What cdktf.json `targetVersions` says in a CLI project; cdktn validates features against it.
  root.node.setContext('targetVersions', targetVersions);
  const stack = new TerraformStack(root, name);
  build(stack);
  stack.prepareStack();
  stack.runAllValidations();
  return normalise(stack.toTerraform());
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== '//')
    .sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([key, inner]) => [key, normalise(inner)]));
}
