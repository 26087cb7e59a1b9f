import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RouteCatalog } from './catalog.generated.js';
import { luaFindings } from './custom-plugin-code.js';
import type { KeyPath } from './key-path.js';

/** The Lua source of one custom plugin, read from the files the catalog names. */
export interface CustomPluginSource {
  readonly handler: string;
  readonly schema: string;
}

type Report = (path: KeyPath, message: string) => void;

const relative = ' (paths are relative to the catalog file)';

/**
 * Reads every `kong.customPlugins` file relative to the catalog's directory and checks its Lua.
 * Returns the sources by plugin name; problems go to `report` under the key naming the file.
 */
export function readCustomPlugins(
  catalog: RouteCatalog,
  baseDir: string,
  report: Report,
): ReadonlyMap<string, CustomPluginSource> {
  const sources = new Map<string, CustomPluginSource>();
  (catalog.kong?.customPlugins ?? []).forEach((plugin, i) => {
    const read = (key: 'handler' | 'schema'): string | undefined => {
      const path: KeyPath = ['kong', 'customPlugins', i, key];
      const file = plugin[key];
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(resolve(baseDir, file));
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        report(path, `${file} ${missing ? 'does not exist' : 'cannot be read'}${relative}`);
        return undefined;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        report(path, `${file} is not UTF-8 text`);
        return undefined;
      }
      const findings = luaFindings(text);
      for (const f of findings)
        report(path, `${file}${f.line > 0 ? ` line ${f.line}` : ''} ${f.message}`);
      return findings.length === 0 ? text : undefined;
    };
    const handler = read('handler');
    const schema = read('schema');
    if (handler !== undefined && schema !== undefined)
      sources.set(plugin.name, { handler, schema });
  });
  return sources;
}
