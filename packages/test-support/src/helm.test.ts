import { describe, expect, it } from 'vitest';
import { haveSharedCharts, helmObjects, helmTemplate, parseRendered } from './helm.js';

describe.runIf(haveSharedCharts())('helm template with the pinned charts', () => {
  it('renders a chart with the given values', async () => {
    const objects = await helmObjects({
      chart: 'argocd-apps',
      releaseName: 'apps',
      namespace: 'argocd',
      values: [JSON.stringify({ projects: { p: { namespace: 'argocd', description: 'plain' } } })],
    });
    expect(objects.map((o) => o.object.kind)).toEqual(['AppProject']);
    expect(objects[0]?.source).toBe('argocd-apps/templates/projects.yaml');
  });

  it('surfaces a value that breaks an unquoted template (argocd-apps writes description bare)', async () => {
    await expect(
      helmTemplate({
        chart: 'argocd-apps',
        releaseName: 'apps',
        namespace: 'argocd',
        values: [JSON.stringify({ projects: { p: { description: 'a: b' } } })],
      }),
    ).rejects.toThrow(/projects\.yaml.*mapping values are not allowed/);
  });
});

describe('parseRendered', () => {
  it('names the template of a document that does not parse', () => {
    expect(() => parseRendered('---\n# Source: c/templates/x.yaml\na: b: c\n')).toThrow(
      /c\/templates\/x\.yaml/,
    );
  });
  it('rejects duplicate keys', () => {
    expect(() => parseRendered('# Source: c/t.yaml\na: 1\na: 2\n')).toThrow(/c\/t\.yaml/);
  });
});
