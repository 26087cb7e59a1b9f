import type { SemanticRule } from './rule.js';

/** The tag of an image reference (`registry/repo:tag`), undefined for a digest. */
function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 ? undefined : lastSegment.slice(colon + 1);
}

export const imageRules: readonly SemanticRule[] = [
  {
    // `validate` rejects it in the rendered Deployment too (policy/image-tag); at load time the
    // user sees it before anything is rendered.
    id: 'pinned-images',
    needs: ['services'],
    check({ catalog, report }) {
      catalog.services.forEach((service, i) => {
        if (imageTag(service.image) !== 'latest') return;
        report(
          ['services', i, 'image'],
          `must be pinned to a version tag or a digest, never "latest" (it moves under the same name, so a rollout or rollback cannot tell versions apart), but "${service.image}" was given`,
        );
      });
    },
  },
];
