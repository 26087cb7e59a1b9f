import type { KongConsumer } from '@routeplane/deck-types';
import type { EnvironmentModel } from '@routeplane/model';
import { deckEnvRef } from '@routeplane/model';

/** Consumers with their JWT credentials; secrets are decK env references, never values. */
export function kongConsumers(env: EnvironmentModel, tags: readonly string[]): KongConsumer[] {
  return env.kong.consumers.map((consumer) => ({
    username: consumer.username,
    tags: [...tags],
    ...(consumer.jwtCredentials.length > 0
      ? {
          jwt_secrets: consumer.jwtCredentials.map((cred) => ({
            key: cred.key,
            algorithm: cred.algorithm,
            secret: deckEnvRef(cred.secretEnv),
            tags: [...tags],
          })),
        }
      : {}),
  }));
}
