import type { ListModelsInput } from '../../schemas/model';
import type { ModelVersion } from '../../schemas/version';

type DeploymentTarget = ModelVersion['deploymentTarget'];
type Framework = ModelVersion['framework'];

/**
 * A model's facets: one text key per value its live versions have (tag, target, framework, and
 * each target+framework pair a version combines). The catalog's filters are containment of keys
 * in this one GIN-indexed array: a combined filter is a single index lookup, and "an EKS pytorch
 * version" needs no read of the versions.
 */
const facetKey = {
  tag: (tag: string) => `tag:${tag}`,
  target: (target: DeploymentTarget) => `target:${target}`,
  framework: (framework: Framework) => `framework:${framework}`,
  kind: (target: DeploymentTarget, framework: Framework) => `kind:${target}/${framework}`,
};

export function modelFacets(liveVersions: readonly Pick<ModelVersion, 'tags' | 'deploymentTarget' | 'framework'>[]): string[] {
  const keys = liveVersions.flatMap((v) => [
    ...v.tags.map(facetKey.tag),
    facetKey.target(v.deploymentTarget),
    facetKey.framework(v.framework),
    facetKey.kind(v.deploymentTarget, v.framework),
  ]);
  return [...new Set(keys)].sort();
}

/** The keys a catalog filter requires; target and framework together must meet in one version. */
export function requiredFacets(filter: Pick<ListModelsInput, 'tag' | 'deploymentTarget' | 'framework'>): string[] {
  const { tag, deploymentTarget: target, framework } = filter;
  return [
    ...(tag ? [facetKey.tag(tag)] : []),
    ...(target && framework ? [facetKey.kind(target, framework)] : []),
    ...(target && !framework ? [facetKey.target(target)] : []),
    ...(framework && !target ? [facetKey.framework(framework)] : []),
  ];
}
