export { strictify } from './strictify.js';
