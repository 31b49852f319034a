import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface ContainerRegistryArgs {
  /** The repository's name, which CI's `ECR_REPOSITORY` variable names too. */
  readonly repositoryName: string;
  /** How many prod releases stay (prod runs the newest; a rollback the ones before). */
  readonly keepProdImages?: number;
  /** How many main builds stay (dev runs the newest). */
  readonly keepMainImages?: number;
  readonly prImageDays?: number;
}

/**
 * How CI tags images, and so what the lifecycle policy may expire. A prod deploy adds `prod-<sha>` to
 * the image it runs; the rule for that prefix comes first, and an image a rule's tags select can never
 * be expired by a later rule (ECR's evaluation), so a prod image is only ever expired as an old release.
 */
export const IMAGE_TAG_PREFIXES = { prod: 'prod-', main: 'main-', pullRequest: 'pr-' } as const;

export function lifecyclePolicy(args: Omit<ContainerRegistryArgs, 'repositoryName'> = {}) {
  return {
    rules: [
      { rulePriority: 1, description: 'keep the last prod releases', selection: { tagStatus: 'tagged', tagPrefixList: [IMAGE_TAG_PREFIXES.prod], countType: 'imageCountMoreThan', countNumber: args.keepProdImages ?? 10 }, action: { type: 'expire' } },
      { rulePriority: 2, description: 'pull-request images are short-lived', selection: { tagStatus: 'tagged', tagPrefixList: [IMAGE_TAG_PREFIXES.pullRequest], countType: 'sinceImagePushed', countUnit: 'days', countNumber: args.prImageDays ?? 7 }, action: { type: 'expire' } },
      { rulePriority: 3, description: 'keep the last main builds', selection: { tagStatus: 'tagged', tagPrefixList: [IMAGE_TAG_PREFIXES.main], countType: 'imageCountMoreThan', countNumber: args.keepMainImages ?? 30 }, action: { type: 'expire' } },
      { rulePriority: 4, description: 'expire untagged images', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
    ],
  };
}

/** ECR for the bot's image: one repository for every stack, tags never move, every push is scanned. */
export class ContainerRegistry extends pulumi.ComponentResource {
  readonly repositoryUrl: pulumi.Output<string>;
  readonly repositoryArn: pulumi.Output<string>;
  readonly repositoryName: pulumi.Output<string>;

  constructor(name: string, args: ContainerRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:registry:ContainerRegistry', name, {}, opts);
    const repo = new aws.ecr.Repository(`${name}-repo`, {
      name: args.repositoryName,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
    }, { parent: this, protect: true });
    new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, { repository: repo.name, policy: JSON.stringify(lifecyclePolicy(args)) }, { parent: this });
    this.repositoryUrl = repo.repositoryUrl;
    this.repositoryArn = repo.arn;
    this.repositoryName = repo.name;
    this.registerOutputs({ repositoryUrl: this.repositoryUrl });
  }
}
