import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { ContainerRegistry } from '../components/container-registry';
import { GithubDeployAccess } from './github-deploy-access';
import { StateBackend } from './state-backend';

// Its own project because a backend cannot hold its own state: run once with `pulumi login --local`.
// It also holds what every app stack shares and CI needs before any stack exists: the image
// repository and GitHub's roles.
const config = new pulumi.Config();
const region = aws.config.requireRegion();
const backend = new StateBackend('state', { keyAlias: `spendwise-pulumi-${pulumi.getStack()}` });
const registry = new ContainerRegistry('registry', { repositoryName: config.get('repositoryName') ?? 'spendwise' });
const github = new GithubDeployAccess('github', {
  repository: config.require('githubRepository'),
  environments: config.getObject<string[]>('environments') ?? ['dev', 'prod'],
  region,
  stateBucketArn: backend.bucketArn,
  stateKeyArn: backend.keyArn,
  repositoryArn: registry.repositoryArn,
  ...(config.get('existingOidcProviderArn') ? { existingOidcProviderArn: config.get('existingOidcProviderArn')! } : {}),
});

export const backendUrl = pulumi.interpolate`s3://${backend.bucketName}`;
export const loginCommand = pulumi.interpolate`pulumi login s3://${backend.bucketName}`;
export const secretsProvider = pulumi.interpolate`awskms://${backend.keyAliasName}`;
export const stackInitExample = pulumi.interpolate`pulumi stack init prod --secrets-provider awskms://${backend.keyAliasName}`;
export const ecrRepositoryUrl = registry.repositoryUrl;
export const ecrRepositoryName = registry.repositoryName;
/** GitHub: the repository variable AWS_PREVIEW_ROLE_ARN. */
export const previewRoleArn = github.previewRoleArn;
/** GitHub: each Environment's variable AWS_ROLE_ARN. */
export const deployRoleArns = github.deployRoleArns;
