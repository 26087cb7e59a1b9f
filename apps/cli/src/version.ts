/** `routeplane --version`; a test holds it equal to apps/cli/package.json's version. */
export const cliVersion = '0.1.0';
