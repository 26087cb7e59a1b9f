/** A parsed rendered file, as readTree and the renderers' tests hold it. */
export interface ParsedDocuments {
  readonly path: string;
  readonly documents: readonly unknown[];
}

/**
 * The files with the first document of `path` rewritten through its JSON text: a hand edit of one
 * rendered file (e.g. kong.yaml), leaving every other file as it was.
 */
export function editFirstDocument<F extends ParsedDocuments>(
  files: readonly F[],
  path: string,
  edit: (json: string) => string,
): F[] {
  return files.map((f) =>
    f.path === path ? { ...f, documents: [JSON.parse(edit(JSON.stringify(f.documents[0])))] } : f,
  );
}
