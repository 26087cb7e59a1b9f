export { DeckRenderError } from './errors.js';
export { renderDeck, renderKongFile } from './render-deck.js';
export { kongServiceName } from './services.js';
export { upstreamName } from './upstream.js';
