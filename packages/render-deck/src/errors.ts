/** A Model that cannot become a correct kong.yaml. The message names the environment, the field and why. */
export class DeckRenderError extends Error {
  override readonly name = 'DeckRenderError';
}
