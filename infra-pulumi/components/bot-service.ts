import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BotSecretName, PLATFORM_SECRETS } from '../config';
import { assumeRoleBy, botTaskPolicy, executionSecretsPolicy } from '../policies/bot-task-policy';
import { IAM_PATH } from '../policies/iam-path';

/** Every secret the container may receive; only those of the platforms that are on are created. */
export const BOT_SECRETS: readonly BotSecretName[] = Object.values(PLATFORM_SECRETS).flat();

/** Where the image declares a VOLUME (Dockerfile): the one writable path under the read-only root. */
export const WRITABLE_TMP = '/tmp';

export interface BotServiceArgs {
  /** An image by digest. */
  readonly image: pulumi.Input<string>;
  /** The values of the secrets of the platforms that are on (pulumi config secrets). */
  readonly secrets: Partial<Record<BotSecretName, pulumi.Input<string>>>;
  /** `pulumi up` waits this long for a steady service, and fails when the rollout does. */
  readonly rolloutTimeoutMinutes: number;
  readonly containerPort: number;
  readonly cpu: number;
  readonly memory: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  readonly logRetentionDays: number;
  readonly rateLimits: { readonly perMinute: number; readonly perDay: number };
  readonly privateSubnetIds: pulumi.Input<string>[];
  readonly taskSecurityGroupId: pulumi.Input<string>;
  readonly targetGroupArn: pulumi.Input<string>;
  /** ALB and target group ARN suffixes, for request-count scaling. */
  readonly requestCountResourceLabel: pulumi.Input<string>;
  readonly listener: pulumi.Resource;
  readonly tableName: pulumi.Input<string>;
  readonly tableArn: pulumi.Input<string>;
  readonly receiptsBucketName: pulumi.Input<string>;
  readonly receiptsBucketArn: pulumi.Input<string>;
  readonly region: pulumi.Input<string>;
}

/** The bot on ECS Fargate: private subnets, no public IP, read-only root, secrets by ARN, autoscaled. */
export class BotService extends pulumi.ComponentResource {
  readonly clusterName: pulumi.Output<string>;
  readonly serviceName: pulumi.Output<string>;
  readonly logGroupName: pulumi.Output<string>;
  readonly secretArns: pulumi.Output<string>[];

  constructor(name: string, args: BotServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:app:BotService', name, {}, opts);
    const parent = { parent: this };

    const cluster = new aws.ecs.Cluster(`${name}-cluster`, { settings: [{ name: 'containerInsights', value: 'enhanced' }] }, parent);
    const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: args.logRetentionDays }, parent);
    // ECS cannot start a task whose secret has no value, so each secret is created with its value, from
    // the stack's encrypted config; `valueFrom` names the version, so a changed value is a new deployment.
    const secretNames = BOT_SECRETS.filter((key) => args.secrets[key] !== undefined);
    const secrets = secretNames.map((key) => {
      const logical = `${name}-${key.toLowerCase().replace(/_/g, '-')}`;
      const secret = new aws.secretsmanager.Secret(logical, { description: `Spendwise ${key} (value from the stack's config secrets)`, recoveryWindowInDays: 7 }, parent);
      const version = new aws.secretsmanager.SecretVersion(`${logical}-value`, { secretId: secret.id, secretString: pulumi.secret(args.secrets[key]!) }, parent);
      return { key, secret, valueFrom: pulumi.interpolate`${secret.arn}:::${version.versionId}` };
    });

    const executionRole = new aws.iam.Role(`${name}-execution-role`, { path: IAM_PATH, assumeRolePolicy: assumeRoleBy('ecs-tasks.amazonaws.com') }, parent);
    new aws.iam.RolePolicyAttachment(`${name}-execution-managed`, { role: executionRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }, parent);
    if (secrets.length > 0) {
      new aws.iam.RolePolicy(`${name}-execution-secrets`, {
        role: executionRole.id,
        policy: pulumi.all(secrets.map((s) => s.secret.arn)).apply((arns) => JSON.stringify(executionSecretsPolicy(arns))),
      }, parent);
    }
    const taskRole = new aws.iam.Role(`${name}-task-role`, { path: IAM_PATH, assumeRolePolicy: assumeRoleBy('ecs-tasks.amazonaws.com') }, parent);
    new aws.iam.RolePolicy(`${name}-task-policy`, {
      role: taskRole.id,
      policy: pulumi.all([args.tableArn, args.receiptsBucketArn]).apply(([table, bucket]) => JSON.stringify(botTaskPolicy(table, bucket))),
    }, parent);

    const containerDefinitions = pulumi
      .all([args.image, logs.name, args.tableName, args.region, args.receiptsBucketName, ...secrets.map((s) => s.valueFrom)])
      .apply(([image, logGroup, tableName, region, receiptsBucket, ...valueFroms]) => JSON.stringify([{
        name: 'bot',
        image,
        essential: true,
        user: '1000:1000',
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: args.containerPort, protocol: 'tcp' }],
        environment: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PORT', value: String(args.containerPort) },
          { name: 'SPENDWISE_TABLE', value: tableName },
          { name: 'AWS_REGION', value: region },
          { name: 'RECEIPT_OCR', value: 'textract' },
          { name: 'RECEIPTS_BUCKET', value: receiptsBucket },
          { name: 'RATE_LIMIT_PER_MINUTE', value: String(args.rateLimits.perMinute) },
          { name: 'RATE_LIMIT_PER_DAY', value: String(args.rateLimits.perDay) },
          // Every task runs the scheduler: due items are claimed by a conditional write, so none runs twice.
          { name: 'SCHEDULER', value: 'on' },
          { name: 'SCHEDULER_INTERVAL_SECONDS', value: '60' },
        ],
        secrets: secretNames.map((key, i) => ({ name: key, valueFrom: valueFroms[i] })),
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroup, 'awslogs-region': region, 'awslogs-stream-prefix': 'bot' } },
        // A read-only root needs somewhere writable for temp files. Fargate's bind volume is root-owned
        // 0755 unless the image declares VOLUME at that path, so the Dockerfile does (for uid 1000).
        mountPoints: [{ sourceVolume: 'tmp', containerPath: WRITABLE_TMP, readOnly: false }],
      }]));

    const taskDefinition = new aws.ecs.TaskDefinition(`${name}-task`, {
      family: `${name}-bot`,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(args.cpu),
      memory: String(args.memory),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      volumes: [{ name: 'tmp' }],
      containerDefinitions,
    }, parent);

    const service = new aws.ecs.Service(`${name}-service`, {
      cluster: cluster.arn,
      taskDefinition: taskDefinition.arn,
      launchType: 'FARGATE',
      desiredCount: args.minTasks,
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriodSeconds: 30,
      propagateTags: 'SERVICE',
      enableExecuteCommand: false,
      networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [args.taskSecurityGroupId], assignPublicIp: false },
      loadBalancers: [{ targetGroupArn: args.targetGroupArn, containerName: 'bot', containerPort: args.containerPort }],
      // Without it `pulumi up` succeeds while the circuit breaker rolls a broken image back.
      waitForSteadyState: true,
    }, {
      parent: this, dependsOn: [args.listener], ignoreChanges: ['desiredCount'],
      customTimeouts: { create: `${args.rolloutTimeoutMinutes}m`, update: `${args.rolloutTimeoutMinutes}m` },
    });

    const scaling = new aws.appautoscaling.Target(`${name}-scaling`, {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
      minCapacity: args.minTasks,
      maxCapacity: args.maxTasks,
    }, parent);
    const track = (suffix: string, metric: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification, targetValue: number) =>
      new aws.appautoscaling.Policy(`${name}-scale-${suffix}`, {
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: { predefinedMetricSpecification: metric, targetValue, scaleInCooldown: 120, scaleOutCooldown: 60 },
      }, parent);
    track('cpu', { predefinedMetricType: 'ECSServiceAverageCPUUtilization' }, 60);
    track('requests', { predefinedMetricType: 'ALBRequestCountPerTarget', resourceLabel: args.requestCountResourceLabel }, 500);

    this.clusterName = cluster.name;
    this.serviceName = service.name;
    this.logGroupName = logs.name;
    this.secretArns = secrets.map((s) => s.secret.arn);
    this.registerOutputs({ clusterName: this.clusterName, serviceName: this.serviceName });
  }
}
