import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface ContainerRegistryArgs {
  readonly keepTaggedImages?: number;
  readonly untaggedExpiryDays?: number;
}

/** ECR for the bot's image: tags never move, every push is scanned, old images expire. */
export class ContainerRegistry extends pulumi.ComponentResource {
  readonly repositoryUrl: pulumi.Output<string>;
  readonly repositoryArn: pulumi.Output<string>;

  constructor(name: string, args: ContainerRegistryArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:registry:ContainerRegistry', name, {}, opts);
    const repo = new aws.ecr.Repository(`${name}-repo`, {
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
    }, { parent: this });
    new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
      repository: repo.name,
      policy: JSON.stringify({
        rules: [
          { rulePriority: 1, description: 'expire untagged images', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: args.untaggedExpiryDays ?? 7 }, action: { type: 'expire' } },
          { rulePriority: 2, description: 'keep the latest tagged images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: args.keepTaggedImages ?? 30 }, action: { type: 'expire' } },
        ],
      }),
    }, { parent: this });
    this.repositoryUrl = repo.repositoryUrl;
    this.repositoryArn = repo.arn;
    this.registerOutputs({ repositoryUrl: this.repositoryUrl });
  }
}
