import { one, recordOptions, recordResources, settled } from './mocks';

interface Image { readonly tags: string[]; readonly pushedDaysAgo: number }

/**
 * ECR's lifecycle evaluation, as AWS documents it: rules in priority order; an image whose tags a rule
 * selects is that rule's to keep or expire, and no lower-priority rule may expire it.
 */
function expired(rules: any[], images: Image[]): Image[] {
  const claimed = new Set<Image>();
  const gone: Image[] = [];
  for (const rule of [...rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    const { tagStatus, tagPrefixList, countType, countNumber } = rule.selection;
    const selected = images.filter((i) => !claimed.has(i) && (
      tagStatus === 'any' || (tagStatus === 'untagged' ? i.tags.length === 0 : i.tags.some((t) => tagPrefixList.some((p: string) => t.startsWith(p))))));
    selected.forEach((i) => claimed.add(i));
    const newestFirst = [...selected].sort((a, b) => a.pushedDaysAgo - b.pushedDaysAgo);
    gone.push(...(countType === 'imageCountMoreThan' ? newestFirst.slice(countNumber) : newestFirst.filter((i) => i.pushedDaysAgo > countNumber)));
  }
  return gone;
}

test('ECR: an explicit name, immutable tags, scan on push, encryption, protected', async () => {
  const resources = await recordResources();
  const { ContainerRegistry } = await import('../components/container-registry');
  const { options, transformations } = recordOptions();
  new ContainerRegistry('registry', { repositoryName: 'spendwise' }, { transformations });
  await settled(resources);
  expect(one(resources, 'aws:ecr/repository:Repository').inputs).toMatchObject({
    name: 'spendwise', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfigurations: [{ encryptionType: 'AES256' }],
  });
  expect(options.get('registry-repo')?.protect).toBe(true);
  expect(JSON.parse(one(resources, 'aws:ecr/lifecyclePolicy:LifecyclePolicy').inputs.policy).rules.map((r: any) => r.selection.tagStatus)).not.toContain('any');
});

test('the lifecycle policy never expires the image prod runs, however many main and pull-request images follow it', async () => {
  const { lifecyclePolicy } = await import('../components/container-registry');
  const { rules } = lifecyclePolicy();
  const prodRuns: Image = { tags: ['main-aaa', 'prod-aaa'], pushedDaysAgo: 60 };
  const olderProd = Array.from({ length: 12 }, (_, i): Image => ({ tags: [`main-old${i}`, `prod-old${i}`], pushedDaysAgo: 61 + i }));
  const mainBuilds = Array.from({ length: 80 }, (_, i): Image => ({ tags: [`main-${i}`], pushedDaysAgo: i / 2 }));
  const prImages = Array.from({ length: 200 }, (_, i): Image => ({ tags: [`pr-${i}`], pushedDaysAgo: i / 10 }));
  const untagged: Image = { tags: [], pushedDaysAgo: 8 };
  const gone = expired(rules, [prodRuns, ...olderProd, ...mainBuilds, ...prImages, untagged]);
  expect(gone).not.toContain(prodRuns);
  expect(olderProd.filter((i) => !gone.includes(i))).toHaveLength(9); // the last 10 prod releases stay
  expect(mainBuilds.filter((i) => !gone.includes(i))).toHaveLength(30);
  expect(prImages.filter((i) => !gone.includes(i)).every((i) => i.pushedDaysAgo <= 7)).toBe(true);
  expect(gone).toContain(untagged);
  // The evaluator is ECR's: the rule this policy replaced ("keep 30, any tag") would have expired it.
  expect(expired([{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 } }], [prodRuns, ...mainBuilds])).toContain(prodRuns);
});
