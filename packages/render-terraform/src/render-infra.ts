import { type Model, type RenderedFile, terraformDir } from '@routeplane/model';
import { buildEnvironmentStack } from './environment-stack.js';
import { synthesizeInMemory } from './synth-in-memory.js';

/** Terraform JSON of every environment: `generated/terraform/<env>/main.tf.json`. */
export function renderInfra(model: Model): RenderedFile[] {
  return model.environments.map((env) => ({
    path: `${terraformDir(env.name)}/main.tf.json`,
    content: {
      kind: 'json',
      value: synthesizeInMemory(env.name, (stack) => buildEnvironmentStack(stack, env)),
    },
  }));
}
