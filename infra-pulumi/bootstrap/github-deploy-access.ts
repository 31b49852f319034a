import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { IAM_PATH } from '../policies/iam-path';

export const GITHUB_OIDC_URL = 'https://token.actions.githubusercontent.com';
const TOKEN = 'token.actions.githubusercontent.com';

/** CI's own roles live apart from the stack's (`/spendwise/`), which a deploy role may manage. */
export const CI_ROLE_PATH = '/spendwise-ci/';

/**
 * The AWS services whose resources the app stack creates (IAM aside, which is scoped by path): a
 * deploy role may act on these and no others. A test checks the list against the mocked stack.
 */
export const STACK_SERVICES = ['ec2', 'elasticloadbalancing', 'ecs', 'application-autoscaling', 'cloudwatch', 'logs', 'sns', 'kms', 'dynamodb', 's3', 'secretsmanager', 'ssm'] as const;

/** Service-linked roles AWS creates on the first ECS service, ALB and scaling target of an account. */
const SERVICE_LINKED = ['ecs.amazonaws.com', 'elasticloadbalancing.amazonaws.com', 'ecs.application-autoscaling.amazonaws.com'];

const ECR_PUSH = [
  'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:DescribeImages',
  'ecr:GetDownloadUrlForLayer', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart',
];

/** GitHub's OIDC tokens for this repository and exactly these subjects (a ref, an environment, pull requests). */
export function githubTrustPolicy(providerArn: string, subjects: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${TOKEN}:aud`]: 'sts.amazonaws.com', [`${TOKEN}:sub`]: subjects } },
    }],
  };
}

export interface AccessScope {
  readonly accountId: string;
  readonly region: string;
  readonly stateBucketArn: string;
  readonly stateKeyArn: string;
  readonly repositoryArn: string;
}

/**
 * Pull requests and the prod preview on main: read the state, decrypt its secrets, read the image
 * parameters and AZs. Nothing it can do changes a stack; the DIY backend's lock file is its only write.
 */
export function previewPolicy(scope: AccessScope) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: scope.stateBucketArn },
      { Sid: 'ReadState', Effect: 'Allow', Action: ['s3:GetObject'], Resource: `${scope.stateBucketArn}/*` },
      { Sid: 'LockState', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `${scope.stateBucketArn}/.pulumi/locks/*` },
      { Sid: 'StateKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: scope.stateKeyArn },
      { Sid: 'ImageParameters', Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: `arn:aws:ssm:${scope.region}:${scope.accountId}:parameter/spendwise/*` },
      { Sid: 'Zones', Effect: 'Allow', Action: ['ec2:DescribeAvailabilityZones'], Resource: '*' },
    ],
  };
}

/**
 * One environment's deploy: its state and secrets, pushing and tagging the image, its image parameter,
 * the stack's services in this region, and roles under the stack's IAM path only (never CI's own).
 */
export function deployPolicy(scope: AccessScope, environment: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: scope.stateBucketArn },
      { Sid: 'WriteState', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${scope.stateBucketArn}/*` },
      { Sid: 'StateKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: scope.stateKeyArn },
      { Sid: 'RegistryLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
      { Sid: 'PushImage', Effect: 'Allow', Action: ECR_PUSH, Resource: scope.repositoryArn },
      { Sid: 'ImageParameter', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:PutParameter'], Resource: `arn:aws:ssm:${scope.region}:${scope.accountId}:parameter/spendwise/${environment}/*` },
      {
        Sid: 'StackServices', Effect: 'Allow', Action: STACK_SERVICES.filter((s) => s !== 'ssm').map((s) => `${s}:*`), Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': scope.region } },
      },
      { Sid: 'StackRoles', Effect: 'Allow', Action: ['iam:*'], Resource: `arn:aws:iam::${scope.accountId}:role${IAM_PATH}*` },
      {
        Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: `arn:aws:iam::${scope.accountId}:role/aws-service-role/*`,
        Condition: { StringEquals: { 'iam:AWSServiceName': SERVICE_LINKED } },
      },
      { Sid: 'ExecutionRoleManagedPolicy', Effect: 'Allow', Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'], Resource: 'arn:aws:iam::aws:policy/service-role/*' },
    ],
  };
}

export interface GithubDeployAccessArgs {
  /** `owner/name` of the one GitHub repository that may deploy. */
  readonly repository: string;
  readonly environments: readonly string[];
  readonly region: pulumi.Input<string>;
  readonly stateBucketArn: pulumi.Input<string>;
  readonly stateKeyArn: pulumi.Input<string>;
  readonly repositoryArn: pulumi.Input<string>;
  /** An account has one provider per URL: reuse the one that exists instead of creating it. */
  readonly existingOidcProviderArn?: string;
}

/**
 * GitHub Actions' way into the account: the OIDC provider, a read-only preview role for pull requests
 * (and prod's preview on main), and one deploy role per GitHub Environment, trusted only from it.
 */
export class GithubDeployAccess extends pulumi.ComponentResource {
  readonly previewRoleArn: pulumi.Output<string>;
  readonly deployRoleArns: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: GithubDeployAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:bootstrap:GithubDeployAccess', name, {}, opts);
    if (!/^[\w.-]+\/[\w.-]+$/.test(args.repository)) throw new Error(`githubRepository must be owner/name, not ${JSON.stringify(args.repository)}`);
    const parent = { parent: this };
    const providerArn = args.existingOidcProviderArn !== undefined
      ? pulumi.output(args.existingOidcProviderArn)
      : new aws.iam.OpenIdConnectProvider(`${name}-oidc`, { url: GITHUB_OIDC_URL, clientIdLists: ['sts.amazonaws.com'] }, parent).arn;
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const scope = pulumi.all([accountId, args.region, args.stateBucketArn, args.stateKeyArn, args.repositoryArn])
      .apply(([id, region, stateBucketArn, stateKeyArn, repositoryArn]): AccessScope => ({ accountId: id, region, stateBucketArn, stateKeyArn, repositoryArn }));
    const role = (suffix: string, subjects: string[], policy: pulumi.Output<object>) => {
      const created = new aws.iam.Role(`${name}-${suffix}`, {
        name: `spendwise-${suffix}`,
        path: CI_ROLE_PATH,
        maxSessionDuration: 3600,
        assumeRolePolicy: providerArn.apply((arn) => JSON.stringify(githubTrustPolicy(arn, subjects))),
      }, parent);
      new aws.iam.RolePolicy(`${name}-${suffix}-policy`, { role: created.id, policy: policy.apply((p) => JSON.stringify(p)) }, parent);
      return created.arn;
    };
    this.previewRoleArn = role('preview', [`repo:${args.repository}:pull_request`, `repo:${args.repository}:ref:refs/heads/main`], scope.apply(previewPolicy));
    this.deployRoleArns = Object.fromEntries(args.environments.map((env) =>
      [env, role(`deploy-${env}`, [`repo:${args.repository}:environment:${env}`], scope.apply((s) => deployPolicy(s, env)))]));
    this.registerOutputs({ previewRoleArn: this.previewRoleArn });
  }
}
