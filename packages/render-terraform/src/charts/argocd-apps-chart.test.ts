import { bootstrapProject, rootApplication } from '@routeplane/render-argocd';
import {
  crdValidator,
  formatSchemaErrors,
  haveSharedCharts,
  haveSharedSchemas,
  helmObjects,
  type RenderedObject,
} from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import {
  releaseTarget,
  releaseValues,
  shippedModel,
  shippedTerraform,
} from '../helm-release.fixture.js';
import { bareTemplateScalar } from '../parts/bare-template-scalar.js';

/**
 * argocd-apps writes a field only `with` a value, so an empty list (the bootstrap project's
 * `clusterResourceWhitelist: []`) is left out; for an AppProject an absent whitelist admits nothing,
 * exactly like an empty one. Dropping empty lists and maps on both sides compares what Argo CD sees.
 */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = withoutEmpty(item);
    const empty =
      (Array.isArray(kept) && kept.length === 0) ||
      (kept !== null && typeof kept === 'object' && Object.keys(kept).length === 0);
    if (!empty) out[key] = kept;
  }
  return out;
}

function ofKind(objects: readonly RenderedObject[], kind: string): Record<string, unknown>[] {
  return objects.filter((o) => o.object.kind === kind).map((o) => o.object);
}

describe.runIf(haveSharedCharts())('argocd-apps with the exact values of main.tf.json', () => {
  describe.each(shippedModel.environments.map((env) => [env.name, env] as const))(
    '%s',
    (_, env) => {
      const tf = shippedTerraform(env);
      const rendered = helmObjects({
        ...releaseTarget(tf, 'argocd_root_application'),
        values: releaseValues(tf, 'argocd_root_application'),
      });

      it('renders YAML that parses (the description contains ": ")', async () => {
        expect(bootstrapProject(env).spec.description).toContain(': ');
        expect((await rendered).length).toBe(2);
      });

      it('creates exactly argocd/<env>/bootstrap/project.yaml and argocd/<env>/root.yaml', async () => {
        const objects = await rendered;
        expect(ofKind(objects, 'AppProject').map(withoutEmpty)).toEqual([
          withoutEmpty(bootstrapProject(env)),
        ]);
        expect(ofKind(objects, 'Application').map(withoutEmpty)).toEqual([
          withoutEmpty(rootApplication(env)),
        ]);
      });

      it.runIf(haveSharedSchemas())('validates against the official Argo CD schemas', async () => {
        for (const { object } of await rendered) {
          const validate = crdValidator(
            `argoproj.io/${String(object.kind).toLowerCase()}_v1alpha1.json`,
          );
          expect(validate(object), formatSchemaErrors(validate.errors).join('\n')).toBe(true);
        }
      });
    },
  );
});

/** Strings that a bare `{{ . }}` would turn into other YAML or into a parse error. */
const hostile = [
  'routeplane dev: the App-of-Apps root only',
  'ends with colon:',
  '#not a comment',
  '- not a list',
  'yes',
  'null',
  '0x1F',
  '123',
  'it\'s "quoted"',
  'tab\tand\nnewline',
  '{a: b}',
  '[a, b]',
  '*alias',
  '&anchor',
  '!tag',
  '% directive',
  '@reserved',
  '`backtick`',
  '  leading and trailing  ',
  'ünïcödé ✓ 😀',
  'back\\slash',
];

describe.runIf(haveSharedCharts())('bareTemplateScalar through argocd-apps projects.yaml', () => {
  it('reads back every hostile description exactly', async () => {
    const projects = Object.fromEntries(
      hostile.map((text, i) => [
        `p${i}`,
        { namespace: 'argocd', description: bareTemplateScalar(text) },
      ]),
    );
    const objects = await helmObjects({
      chart: 'argocd-apps',
      releaseName: 'argocd-apps',
      namespace: 'argocd',
      values: [JSON.stringify({ projects })],
    });
    const byName = new Map(
      objects.map((o) => [
        (o.object.metadata as { name: string }).name,
        (o.object.spec as { description: string }).description,
      ]),
    );
    expect(hostile.map((_, i) => byName.get(`p${i}`))).toEqual(hostile);
  });
});
