import type { SemanticRule } from './rule.js';

/**
 * Whether an image is on the `latest` tag. The schema lets an image end only in `:<tag>` or
 * `@sha256:<64 hex>` (a registry port sits before the first `/`), so the tag is `latest` exactly
 * when the reference ends in `:latest`.
 */
function onLatestTag(image: string): boolean {
  return image.endsWith(':latest');
}

export const imageRules: readonly SemanticRule[] = [
  {
    // `validate` rejects it in the rendered Deployment too (policy/image-tag); at load time the
    // user sees it before anything is rendered.
    id: 'pinned-images',
    needs: ['services'],
    check({ catalog, report }) {
      catalog.services.forEach((service, i) => {
        if (!onLatestTag(service.image)) return;
        report(
          ['services', i, 'image'],
          `must be pinned to a version tag or a digest, never "latest" (it moves under the same name, so a rollout or rollback cannot tell versions apart), but "${service.image}" was given`,
        );
      });
    },
  },
];
