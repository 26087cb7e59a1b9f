import type { EnvironmentModel, Model, RenderedFile } from '@routeplane/model';
import { appProject } from './app-project.js';
import { childApplication } from './application.js';
import { argocdCmHealthPatch } from './argocd-cm-patch.js';
import {
  bootstrapProjectFile,
  childFile,
  healthPatchFile,
  projectFile,
  rootApplicationFile,
} from './argocd-paths.js';
import { bootstrapProject } from './bootstrap-project.js';
import type { ChildApp } from './child-app.js';
import { childApps } from './child-apps.js';
import { rootApplication } from './root-application.js';

function byWaveThenComponent(a: ChildApp, b: ChildApp): number {
  return a.wave - b.wave || (a.component < b.component ? -1 : a.component > b.component ? 1 : 0);
}

/** Children of one environment sorted by wave, then component name. */
export function sortedChildApps(env: EnvironmentModel): readonly ChildApp[] {
  return [...childApps(env)].sort(byWaveThenComponent);
}

function yamlFile(path: string, document: unknown): RenderedFile {
  return { path, content: { kind: 'yaml', documents: [document] } };
}

function renderEnvironment(env: EnvironmentModel): RenderedFile[] {
  return [
    yamlFile(rootApplicationFile(env.name), rootApplication(env)),
    yamlFile(bootstrapProjectFile(env.name), bootstrapProject(env)),
    yamlFile(projectFile(env.name), appProject(env)),
    ...sortedChildApps(env).map((child) =>
      yamlFile(childFile(env.name, child.component), childApplication(env, child)),
    ),
    yamlFile(healthPatchFile(env.name), argocdCmHealthPatch(env)),
  ];
}

/** Argo CD App-of-Apps of every environment, under `argocd/<env>/`, sorted by path. */
export function renderArgocd(model: Model): RenderedFile[] {
  return model.environments
    .flatMap(renderEnvironment)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
