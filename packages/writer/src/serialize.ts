import type { RenderedFile } from '@routeplane/model';
import { stringify } from 'yaml';
import { headerLine } from './header.js';

/** Kubernetes readers expect these first, in this order; everything else keeps renderer order. */
const leadingKeys = ['apiVersion', 'kind', 'metadata'];
const leadingMetadataKeys = ['name', 'namespace', 'labels', 'annotations'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withLeadingKeys(value: Record<string, unknown>, keys: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value && value[key] !== undefined) out[key] = value[key];
  for (const [key, item] of Object.entries(value)) {
    if (!(key in out) && item !== undefined) out[key] = item;
  }
  return out;
}

/** Canonical key order for a Kubernetes-style document. */
export function canonicalDocument(doc: unknown): unknown {
  if (!isPlainObject(doc) || !('apiVersion' in doc)) return doc;
  const ordered = withLeadingKeys(doc, leadingKeys);
  if (isPlainObject(ordered.metadata)) {
    ordered.metadata = withLeadingKeys(ordered.metadata, leadingMetadataKeys);
  }
  return ordered;
}

/**
 * YAML 1.1 quoting rules on output: Kubernetes and decK read YAML 1.1-style, where a plain `no`,
 * `on` or `0777` would change type. No line folding, literal blocks for multi-line text.
 */
const yamlOptions = {
  version: '1.1',
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal',
  aliasDuplicateObjects: false,
  indentSeq: true,
} as const;

/** Bytes of one rendered file: header, content, trailing newline. Pure and deterministic. */
export function serialize(file: RenderedFile, catalogFile: string): string {
  const header = headerLine(catalogFile);
  const { content } = file;
  switch (content.kind) {
    case 'yaml': {
      const docs = content.documents.map((doc) =>
        stringify(canonicalDocument(doc), yamlOptions).trimEnd(),
      );
      return `# ${header}\n${docs.join('\n---\n')}\n`;
    }
    case 'json': {
      const value = isPlainObject(content.value)
        ? { '//': header, ...content.value }
        : content.value;
      return `${JSON.stringify(value, null, 2)}\n`;
    }
    case 'text':
      return content.text.endsWith('\n') ? content.text : `${content.text}\n`;
  }
}
