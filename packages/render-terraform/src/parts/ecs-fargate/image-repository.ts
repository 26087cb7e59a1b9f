import { EcrRepository } from '@cdktn/provider-aws/lib/ecr-repository/index.js';
import type { EcsFargateModel } from '@routeplane/model';
import type { StackContext } from '../context.js';

/**
 * The private copy of the pinned Kong Gateway image (`versions.kongGateway`). Tags are immutable,
 * so the tag a task definition names always means the same bytes; every push is scanned. The
 * image is copied in once per version (README "Data plane kinds"): the tasks never pull from
 * Docker Hub. ECR refuses to delete a repository that holds images, so only an unprotected
 * environment lets destroy delete it with them (force_delete).
 */
export function addKongImageRepository(ctx: StackContext, ecs: EcsFargateModel): EcrRepository {
  return new EcrRepository(ctx.stack, 'kong_image_repository', {
    name: `${ecs.name}/kong-gateway`,
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: [{ encryptionType: 'AES256' }],
    forceDelete: !ecs.deletionProtection,
    tags: { Name: `${ecs.name}-kong-gateway` },
  });
}
