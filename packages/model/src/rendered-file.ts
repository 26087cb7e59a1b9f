/**
 * What a renderer returns. Renderers build objects; only the writer turns them into bytes.
 * `path` is relative to the repository root and must start with one of the owned roots.
 */
export type RenderedContent =
  /** One or more YAML documents (Kubernetes objects, decK state). Written in the given order. */
  | { readonly kind: 'yaml'; readonly documents: readonly unknown[] }
  /** A JSON value (Terraform JSON). */
  | { readonly kind: 'json'; readonly value: unknown }
  /** Text written as is (a Lua script, a README). */
  | { readonly kind: 'text'; readonly text: string };

export interface RenderedFile {
  readonly path: string;
  readonly content: RenderedContent;
}

/** A renderer: a pure function of the Model. No file system, clock or environment access. */
export type Renderer<M> = (model: M) => readonly RenderedFile[];
