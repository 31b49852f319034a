import * as pulumi from '@pulumi/pulumi';
import { ofType, one, recordOptions, recordResources, settled } from './mocks';

test('Fargate service: private, no public IP, non-root, read-only root, secrets by ARN, circuit breaker, autoscaling', async () => {
  const resources = await recordResources();
  const { BotService, BOT_SECRETS, WRITABLE_TMP } = await import('../components/bot-service');
  const listener = new pulumi.ComponentResource('test:edge:Listener', 'https');
  const { options, transformations } = recordOptions();
  new BotService('bot', {
    image: 'repo/spendwise@sha256:abc', containerPort: 3000, cpu: 256, memory: 512, minTasks: 2, maxTasks: 6, logRetentionDays: 30,
    privateSubnetIds: ['subnet-p1', 'subnet-p2'], taskSecurityGroupId: 'sg-task', targetGroupArn: 'arn:tg', requestCountResourceLabel: 'app/alb/1/targetgroup/tg/2',
    listener, tableName: 'spendwise-dev', tableArn: 'arn:aws:dynamodb:eu-west-1:1:table/spendwise-dev',
    receiptsBucketName: 'spendwise-receipts', receiptsBucketArn: 'arn:aws:s3:::spendwise-receipts', region: 'eu-west-1',
    secrets: { TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_SECRET: 'w', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, rolloutTimeoutMinutes: 15,
    rateLimits: { perMinute: 12, perDay: 900 },
  }, { transformations });
  await settled(resources);
  // Autoscaling owns the task count after creation; the service waits for the HTTPS listener.
  expect(options.get('bot-service')?.ignoreChanges).toEqual(['desiredCount']);
  expect(options.get('bot-service')?.dependsOn).toEqual([listener]);
  // A failed rollout fails `pulumi up`, within the configured time.
  expect(options.get('bot-service')?.customTimeouts).toEqual({ create: '15m', update: '15m' });

  expect(one(resources, 'aws:ecs/cluster:Cluster').inputs.settings).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
  expect(one(resources, 'aws:cloudwatch/logGroup:LogGroup').inputs.retentionInDays).toBe(30);
  const task = one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs;
  expect(task).toMatchObject({ requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', runtimePlatform: { cpuArchitecture: 'ARM64' } });
  const [container] = JSON.parse(task.containerDefinitions);
  expect(container).toMatchObject({ image: 'repo/spendwise@sha256:abc', user: '1000:1000', readonlyRootFilesystem: true, logConfiguration: { logDriver: 'awslogs' } });
  expect(container.secrets.map((s: any) => s.name)).toEqual([...BOT_SECRETS]);
  // Each secret's value is set in the stack, and the task names that version: a new value is a new deployment.
  const values = ofType(resources, 'aws:secretsmanager/secretVersion:SecretVersion');
  // Marked secret (Pulumi's secret signature), so the state holds them encrypted by the stack's KMS key.
  expect(values.map((v) => v.inputs.secretString).every((s) => s[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig)).toBe(true);
  expect(values.map((v) => v.inputs.secretString.value).sort()).toEqual(['1:a', 's', 'w', 'xoxb-1']);
  expect(container.secrets.every((s: any) => /^arn:aws:secretsmanager:[^:]+:\d+:bot-[a-z-]+:::bot-[a-z-]+-value-version$/.test(s.valueFrom))).toBe(true);
  // The one writable path under the read-only root, where the image declares its VOLUME.
  expect(container.mountPoints).toEqual([{ sourceVolume: 'tmp', containerPath: WRITABLE_TMP, readOnly: false }]);
  expect(task.volumes).toEqual([{ name: 'tmp' }]);
  expect(JSON.stringify(container.environment)).not.toMatch(/TOKEN|SECRET/);
  expect(container.environment).toContainEqual({ name: 'RECEIPTS_BUCKET', value: 'spendwise-receipts' });
  expect(container.environment).toEqual(expect.arrayContaining([
    { name: 'RATE_LIMIT_PER_MINUTE', value: '12' }, { name: 'RATE_LIMIT_PER_DAY', value: '900' }, { name: 'SCHEDULER', value: 'on' },
  ]));
  // The task and the service agree on names: each variable it sets is one the configuration reads, and is valid there.
  const { EnvSchema } = await import('../../bot/src/config/config');
  const known = Object.keys(EnvSchema.shape);
  expect(container.environment.map((e: { name: string }) => e.name).filter((n: string) => !known.includes(n))).toEqual([]);

  const service = one(resources, 'aws:ecs/service:Service').inputs;
  expect(service).toMatchObject({
    launchType: 'FARGATE', waitForSteadyState: true, deploymentCircuitBreaker: { enable: true, rollback: true }, deploymentMinimumHealthyPercent: 100, deploymentMaximumPercent: 200,
    networkConfiguration: { subnets: ['subnet-p1', 'subnet-p2'], securityGroups: ['sg-task'], assignPublicIp: false },
  });
  expect(one(resources, 'aws:appautoscaling/target:Target').inputs).toMatchObject({ minCapacity: 2, maxCapacity: 6 });
  expect(ofType(resources, 'aws:appautoscaling/policy:Policy').map((p) => p.inputs.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType))
    .toEqual(['ECSServiceAverageCPUUtilization', 'ALBRequestCountPerTarget']);
});

test('IAM: the execution role reads exactly the bot’s secrets; the task role this table and AnalyzeExpense only', async () => {
  const { botTaskPolicy, executionSecretsPolicy } = await import('../policies/bot-task-policy');
  const task = botTaskPolicy('arn:aws:dynamodb:eu-west-1:1:table/t', 'arn:aws:s3:::r');
  expect(task.Statement).toEqual([
    expect.objectContaining({ Resource: ['arn:aws:dynamodb:eu-west-1:1:table/t', 'arn:aws:dynamodb:eu-west-1:1:table/t/index/*'] }),
    { Sid: 'ReadReceipts', Effect: 'Allow', Action: ['textract:AnalyzeExpense'], Resource: '*' },
    { Sid: 'ReceiptImages', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::r/*' },
    expect.objectContaining({ Sid: 'ListReceiptImages', Resource: 'arn:aws:s3:::r' }),
  ]);
  expect(task.Statement[0]!.Action.every((a) => /^dynamodb:[A-Z]\w+$/.test(a))).toBe(true);
  expect(executionSecretsPolicy(['arn:s1', 'arn:s2']).Statement).toEqual([
    { Sid: 'BotSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:s1', 'arn:s2'] },
  ]);
});
