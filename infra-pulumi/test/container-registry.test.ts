import { one, recordResources, settled } from './mocks';

test('ECR: immutable tags, scan on push, encryption, and a lifecycle that expires old images', async () => {
  const resources = await recordResources();
  const { ContainerRegistry } = await import('../components/container-registry');
  new ContainerRegistry('registry');
  await settled(resources);
  expect(one(resources, 'aws:ecr/repository:Repository').inputs).toMatchObject({
    imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfigurations: [{ encryptionType: 'AES256' }],
  });
  const rules = JSON.parse(one(resources, 'aws:ecr/lifecyclePolicy:LifecyclePolicy').inputs.policy).rules;
  expect(rules.map((r: any) => [r.selection.tagStatus, r.selection.countType, r.action.type])).toEqual([
    ['untagged', 'sinceImagePushed', 'expire'],
    ['any', 'imageCountMoreThan', 'expire'],
  ]);
});
