import * as pulumi from '@pulumi/pulumi';
import { ACCOUNT, ofType, one, recordOptions, recordResources, settled, underTest } from './mocks';
import { STACK_POLICIES, stackViolationsOf } from '../policies/stack-policies';

test('state backend: versioned, SSE-KMS, private, owner-enforced, TLS-only, old versions expire; KMS key rotates; both protected', async () => {
  const resources = await recordResources({}, 'shared');
  const { StateBackend } = await import('../bootstrap/state-backend');
  const { options, transformations } = recordOptions();
  new StateBackend('state', { keyAlias: 'spendwise-pulumi-shared' }, { transformations });
  await settled(resources);
  expect(one(resources, 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
  const [rule] = one(resources, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').inputs.rules;
  expect(rule).toMatchObject({ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:state-key` }, bucketKeyEnabled: true });
  expect(one(resources, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  expect(one(resources, 'aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
  const policy = JSON.parse(one(resources, 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
  expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  expect(one(resources, 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration').inputs.rules[0].noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
  expect(one(resources, 'aws:kms/key:Key').inputs.enableKeyRotation).toBe(true);
  for (const name of ['state-bucket', 'state-key', 'state-key-alias']) {
    expect([name, options.get(name)?.protect, options.get(name)?.retainOnDelete]).toEqual([name, true, true]);
  }
  expect(resources.some((r) => r.type.startsWith('aws:dynamodb'))).toBe(false);
});

describe('the bootstrap program', () => {
  let resources: Awaited<ReturnType<typeof recordResources>>;
  let program: Record<string, pulumi.Output<any>>;
  const value = <T>(o: pulumi.Output<T>) => new Promise<T>((r) => o.apply(r));
  const role = (name: string) => one(resources.filter((r) => r.name === name), 'aws:iam/role:Role');
  const policyOf = (name: string) => JSON.parse(resources.find((r) => r.name === `${name}-policy`)!.inputs.policy);
  const trustOf = (name: string) => JSON.parse(role(name).inputs.assumeRolePolicy).Statement;

  beforeAll(async () => {
    resources = await recordResources({ 'spendwise:githubRepository': 'acme/spendwise' }, 'shared');
    program = (await import('../bootstrap/index')) as unknown as Record<string, pulumi.Output<any>>;
    await settled(resources);
  });

  test('its outputs are the exact login and secrets-provider strings the stack files name', async () => {
    expect(await value(program.loginCommand!)).toBe('pulumi login s3://state-bucket');
    expect(await value(program.secretsProvider!)).toBe('awskms://alias/spendwise-pulumi-shared');
    const { readFileSync } = await import('node:fs');
    for (const stack of ['dev', 'prod']) {
      expect(readFileSync(`${__dirname}/../Pulumi.${stack}.yaml`, 'utf8')).toContain(`--secrets-provider awskms://alias/spendwise-pulumi-shared`);
    }
  });

  test('it owns the image repository (by its explicit name), which CI needs before any app stack exists', async () => {
    expect(one(resources, 'aws:ecr/repository:Repository').inputs.name).toBe('spendwise');
    expect(stackViolationsOf(underTest(resources), STACK_POLICIES.filter((p) => ['prod-image-never-expires', 'encryption-on'].includes(p.name)))).toEqual([]);
  });

  test('GitHub’s OIDC provider, and roles each trusted only from this repository: pull requests and main preview; each environment deploys', async () => {
    expect(one(resources, 'aws:iam/openIdConnectProvider:OpenIdConnectProvider').inputs).toMatchObject({ url: 'https://token.actions.githubusercontent.com', clientIdLists: ['sts.amazonaws.com'] });
    const subjects = (name: string) => {
      const [statement] = trustOf(name);
      expect(statement).toMatchObject({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam:eu-west-1:${ACCOUNT}:github-oidc` }, Action: 'sts:AssumeRoleWithWebIdentity' });
      expect(statement.Condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
      expect(Object.keys(statement.Condition)).toEqual(['StringEquals']); // exact subjects, no wildcard
      return statement.Condition.StringEquals['token.actions.githubusercontent.com:sub'];
    };
    expect(subjects('github-preview')).toEqual(['repo:acme/spendwise:pull_request', 'repo:acme/spendwise:ref:refs/heads/main']);
    expect(subjects('github-deploy-dev')).toEqual(['repo:acme/spendwise:environment:dev']);
    expect(subjects('github-deploy-prod')).toEqual(['repo:acme/spendwise:environment:prod']);
    expect(ofType(resources, 'aws:iam/role:Role').map((r) => [r.inputs.name, r.inputs.path])).toEqual([
      ['spendwise-deploy-dev', '/spendwise-ci/'], ['spendwise-deploy-prod', '/spendwise-ci/'], ['spendwise-preview', '/spendwise-ci/'],
    ]);
    expect(Object.keys(program.deployRoleArns!)).toEqual(['dev', 'prod']);
  });

  test('our policies hold over the bootstrap stack (CI’s roles sit outside the app stack’s IAM path, and deploy roles need service actions)', () => {
    const applicable = STACK_POLICIES.filter((p) => !['no-wildcard-iam-actions', 'roles-under-stack-path'].includes(p.name));
    expect(stackViolationsOf(underTest(resources), applicable)).toEqual([]);
    // The GitHub rule catches a deploy role trusted from a pull request, and a wildcard subject.
    const trust = (sub: string[]) => JSON.stringify({ Statement: [{ Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': sub } } }] });
    const github = STACK_POLICIES.filter((p) => p.name === 'github-trust-exact');
    expect(stackViolationsOf([
      { type: 'aws:iam/role:Role', name: 'r', id: 'r-id', props: { assumeRolePolicy: trust(['repo:acme/spendwise:pull_request']) } },
      { type: 'aws:iam/rolePolicy:RolePolicy', name: 'p', props: { role: 'r-id', policy: JSON.stringify({ Statement: [{ Action: ['ecs:*'], Resource: '*' }] }) } },
      { type: 'aws:iam/role:Role', name: 'w', props: { assumeRolePolicy: trust(['repo:acme/*']) } },
    ], github)).toEqual([
      'aws:iam/role:Role w: github-trust-exact: GitHub trust subjects ["repo:acme/*"] are not exact subjects of one repository',
      'github-trust-exact: role r is trusted outside a GitHub Environment (repo:acme/spendwise:pull_request) and may ecs:*',
    ]);
  });

  test('the preview role changes nothing: reads only, and the backend’s lock files', () => {
    const statements = policyOf('github-preview').Statement;
    const writes = statements.filter((s: any) => [s.Action].flat().some((a: string) => !/^(s3:(Get|List)|kms:Decrypt|kms:GenerateDataKey$|ssm:GetParameter$|ec2:Describe)/.test(a)));
    expect(writes).toEqual([expect.objectContaining({ Sid: 'LockState', Resource: 'arn:aws:s3:eu-west-1:111111111111:state-bucket/.pulumi/locks/*' })]);
  });

  test('a deploy role: its own image parameter, the stack’s roles only (never CI’s), the stack’s services in its region', () => {
    const dev = policyOf('github-deploy-dev').Statement;
    const sid = (s: string) => dev.find((x: any) => x.Sid === s);
    expect(sid('ImageParameter').Resource).toBe(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/spendwise/dev/*`);
    expect(sid('StackRoles').Resource).toBe(`arn:aws:iam::${ACCOUNT}:role/spendwise/*`);
    expect(sid('StackRoles').Resource.startsWith(`arn:aws:iam::${ACCOUNT}:role/spendwise-ci/`)).toBe(false);
    expect(sid('StackServices').Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } });
    expect(sid('PushImage').Resource).toBe(`arn:aws:ecr:eu-west-1:${ACCOUNT}:registry-repo`);
    const all = dev.flatMap((s: any) => [s.Action].flat());
    expect(all.filter((a: string) => a === '*' || a === 'iam:*' && sid('StackRoles').Resource === '*')).toEqual([]);
    expect(all.some((a: string) => a.startsWith('sts:') || a.startsWith('organizations:'))).toBe(false);
    expect(policyOf('github-deploy-prod').Statement.find((x: any) => x.Sid === 'ImageParameter').Resource).toBe(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/spendwise/prod/*`);
  });
});

test('a repository that is not owner/name is refused', async () => {
  await recordResources({}, 'shared');
  const { GithubDeployAccess } = await import('../bootstrap/github-deploy-access');
  expect(() => new GithubDeployAccess('g', { repository: 'acme/*', environments: ['dev'], region: 'eu-west-1', stateBucketArn: 'a', stateKeyArn: 'k', repositoryArn: 'r' }))
    .toThrow(/githubRepository must be owner\/name/);
});

test('an account’s existing GitHub OIDC provider is reused, not created twice', async () => {
  const resources = await recordResources({}, 'shared');
  const { GithubDeployAccess } = await import('../bootstrap/github-deploy-access');
  const existing = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
  new GithubDeployAccess('g', { repository: 'acme/spendwise', environments: ['dev'], region: 'eu-west-1', stateBucketArn: 'a', stateKeyArn: 'k', repositoryArn: 'r', existingOidcProviderArn: existing });
  await settled(resources);
  expect(ofType(resources, 'aws:iam/openIdConnectProvider:OpenIdConnectProvider')).toEqual([]);
  expect(ofType(resources, 'aws:iam/role:Role').map((r) => JSON.parse(r.inputs.assumeRolePolicy).Statement[0].Principal.Federated)).toEqual([existing, existing]);
});
