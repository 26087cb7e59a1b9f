import { type BadCatalog, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in consumers[]. */
export const consumersMistakes: readonly BadCatalog[] = [
  [
    'a secret where a variable name is expected',
    shipped(['consumers.0.jwtCredentials.0.secretEnv', 'Zx9!kq2LmP0vR7tYw3Nb']),
    'consumers[0].jwtCredentials[0].secretEnv: looks like a secret value where the NAME of a DECK_* environment variable is expected',
  ],
];
