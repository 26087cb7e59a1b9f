/** One user mistake in the catalog, located as precisely as the source allows. */
export interface CatalogProblem {
  readonly file: string;
  /** 1-based; 0 when the problem has no position (e.g. the file cannot be read). */
  readonly line: number;
  readonly column: number;
  /** Key path such as `routes[2].paths[0]`; empty for the whole document. */
  readonly keyPath: string;
  readonly message: string;
  /**
   * The rule that found it: a semantic rule's id, `schema` for the JSON Schema, `yaml` for the
   * parser, `file` when the file cannot be read. Tests use it to prove every rule still fires.
   */
  readonly rule: string;
}
