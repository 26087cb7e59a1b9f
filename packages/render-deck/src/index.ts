export { renderDeck } from './render-deck.js';
