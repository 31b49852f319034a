import * as pulumi from '@pulumi/pulumi';
import { ACCOUNT, IMAGE, RecordedResource, ofType, one, underTest } from './mocks';
import { RecordedStack, recordStack, serviceOf, valueOf } from './stack-checks';
import { STACK_POLICIES, stackViolationsOf, violationsOf } from '../policies/stack-policies';
import { STACK_SERVICES } from '../bootstrap/github-deploy-access';
import { BOT_DYNAMODB_OPERATIONS } from '../policies/bot-task-policy';

// The dev stack as committed (Pulumi.dev.yaml), with what an operator and CI add.
let stack: RecordedStack;
let resources: RecordedResource[];

beforeAll(async () => {
  stack = await recordStack('dev');
  resources = stack.resources;
});

test('every resource, and the stack as a whole, passes our policies', () => {
  expect(stackViolationsOf(underTest(resources))).toEqual([]);
});

test('the policies catch what they are for', () => {
  const check = (type: string, name: string, props: Record<string, any>) => violationsOf({ type, name, props });
  expect(check('aws:ecs/service:Service', 's', { networkConfiguration: { assignPublicIp: true }, waitForSteadyState: true, deploymentCircuitBreaker: { rollback: true } })).toHaveLength(1);
  expect(check('aws:ecs/service:Service', 's', { networkConfiguration: { assignPublicIp: false }, deploymentCircuitBreaker: { rollback: true } }))
    .toEqual(['rollouts-fail-the-deploy: waitForSteadyState must be true, or a failed rollout passes the pipeline']);
  expect(check('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'sg-task-in', { ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' })).toHaveLength(1);
  expect(check('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'sg-alb-in-22', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' })).toHaveLength(1);
  expect(check('aws:dynamodb/table:Table', 't', { serverSideEncryption: { enabled: true } })).toEqual(['pitr-on: PITR must be enabled']);
  expect(check('aws:cloudwatch/logGroup:LogGroup', 'l', {})).toHaveLength(1);
  expect(check('aws:iam/rolePolicy:RolePolicy', 'p', { policy: JSON.stringify({ Statement: [{ Action: 'dynamodb:*', Resource: '*' }] }) })).toHaveLength(2);
  expect(check('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'a', { policyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' })).toHaveLength(1);
  expect(check('aws:sns/topic:Topic', 't', { kmsMasterKeyId: 'alias/aws/sns' })).toEqual(['alarms-reach-people: CloudWatch cannot publish with the AWS-managed alias/aws/sns']);
  expect(check('aws:cloudwatch/metricAlarm:MetricAlarm', 'a', { alarmActions: ['t'], namespace: 'AWS/DynamoDB', metricName: 'ThrottledRequests', dimensions: { TableName: 't' } })).toHaveLength(1);
  expect(check('aws:cloudwatch/metricAlarm:MetricAlarm', 'a', { alarmActions: ['t'], metricQueries: [{ id: 'm', metric: { namespace: 'AWS/DynamoDB', metricName: 'SystemErrors', dimensions: { TableName: 't' } } }] })).toHaveLength(1);
  expect(check('aws:iam/role:Role', 'r', { path: '/' })).toHaveLength(1);
  expect(check('aws:iam/role:Role', 'r', { path: '/spendwise/', assumeRolePolicy: JSON.stringify({ Statement: [{ Principal: { Service: 'vpc-flow-logs.amazonaws.com' } }] }) })).toHaveLength(1);
  expect(check('aws:ecr/lifecyclePolicy:LifecyclePolicy', 'l', { policy: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any' } }] }) })).toHaveLength(2);

  const stackCheck = (rs: { type: string; name: string; id?: string; props: Record<string, any> }[]) => stackViolationsOf(rs, STACK_POLICIES.filter((p) => p.validateStack));
  // A topic whose key does not let CloudWatch in; a secret without a value; an ALB without its own 5xx alarm.
  expect(stackCheck([
    { type: 'aws:kms/key:Key', name: 'k', id: 'k-id', props: { arn: 'arn:k', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'root' }, Action: 'kms:*' }] }) } },
    { type: 'aws:sns/topic:Topic', name: 't', props: { kmsMasterKeyId: 'arn:k' } },
    { type: 'aws:secretsmanager/secret:Secret', name: 's', id: 's-id', props: {} },
    { type: 'aws:lb/loadBalancer:LoadBalancer', name: 'alb', props: {} },
  ])).toEqual([
    'alarms-reach-people: topic t: its key must let cloudwatch.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt',
    'alarms-can-fire: 1 load balancer(s), 0 HTTPCode_ELB_5XX_Count alarm(s)',
    'secrets-have-values: secret s has no SecretVersion',
  ]);
});

test('alarms reach people: the topic is encrypted with its own key, which lets CloudWatch publish', () => {
  const topic = one(resources, 'aws:sns/topic:Topic');
  const key = one(resources, 'aws:kms/key:Key');
  expect(topic.inputs.kmsMasterKeyId).toBe(key.arn);
  const statements = JSON.parse(key.inputs.policy).Statement;
  expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'] }));
  expect(statements).toContainEqual(expect.objectContaining({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }));
  expect(key.inputs.enableKeyRotation).toBe(true);
});

test('alarms can fire: DynamoDB per operation the bot calls, and the ALB’s own 5xx', () => {
  const alarms = ofType(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm');
  for (const metricName of ['ThrottledRequests', 'SystemErrors']) {
    const alarm = alarms.find((a) => a.inputs.metricQueries?.some((q: any) => q.metric?.metricName === metricName))!;
    const metrics = alarm.inputs.metricQueries.filter((q: any) => q.metric);
    expect(metrics.map((q: any) => q.metric.dimensions)).toEqual(BOT_DYNAMODB_OPERATIONS.map((Operation) => ({ TableName: 'spendwise-dev', Operation })));
    expect(alarm.inputs.metricQueries.filter((q: any) => q.returnData)).toEqual([expect.objectContaining({ expression: 'SUM(FILL(METRICS(), 0))' })]);
  }
  expect(BOT_DYNAMODB_OPERATIONS).toEqual(expect.arrayContaining(['GetItem', 'Query', 'PutItem', 'TransactWriteItems']));
  const elb = alarms.find((a) => a.inputs.metricName === 'HTTPCode_ELB_5XX_Count')!;
  expect(elb.inputs).toMatchObject({ namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/edge-alb/1' }, statistic: 'Sum' });
});

test('the first deploy starts tasks: every secret the task reads has a value from the stack’s config secrets, pinned by version', () => {
  const secrets = ofType(resources, 'aws:secretsmanager/secret:Secret');
  const versions = ofType(resources, 'aws:secretsmanager/secretVersion:SecretVersion');
  expect(secrets).toHaveLength(4);
  expect(versions.map((v) => v.inputs.secretId).sort()).toEqual(secrets.map((s) => s.id).sort());
  const [container] = JSON.parse(one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs.containerDefinitions);
  for (const { name, valueFrom } of container.secrets) {
    const secret = secrets.find((s) => valueFrom.startsWith(`${s.arn}:::`))!;
    expect([name, valueFrom]).toEqual([name, `${secret.arn}:::${secret.name}-value-version`]);
  }
});

test('a failed rollout fails `pulumi up`: the service waits for a steady state, within the configured time', () => {
  expect(one(resources, 'aws:ecs/service:Service').inputs.waitForSteadyState).toBe(true);
  expect(stack.options.get('bot-service')?.customTimeouts).toEqual({ create: '20m', update: '20m' });
});

test('the dev profile has no interface endpoints (AWS calls go through the NAT); gateway endpoints stay', () => {
  const endpoints = ofType(resources, 'aws:ec2/vpcEndpoint:VpcEndpoint');
  expect(endpoints.map((e) => e.inputs.vpcEndpointType)).toEqual(['Gateway', 'Gateway']);
  expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
});

test('the deploy role covers every service the stack creates resources in, and the stack’s roles are under its IAM path', () => {
  const used = new Set(resources.filter((r) => r.type.startsWith('aws:')).map((r) => serviceOf(r.type)));
  used.delete('iam'); // scoped by path, not by service
  expect([...used].filter((s) => !(STACK_SERVICES as readonly string[]).includes(s))).toEqual([]);
  expect(ofType(resources, 'aws:iam/role:Role').map((r) => r.inputs.path)).toEqual(['/spendwise/', '/spendwise/', '/spendwise/']);
});

test('every resource is tagged through the provider’s default tags (one provider: no resource falls back to an untagged default)', () => {
  const providers = resources.filter((r) => r.type === 'pulumi:providers:aws');
  expect(providers).toHaveLength(1);
  expect(JSON.parse(providers[0]!.inputs.defaultTags)).toEqual({ tags: { project: 'spendwise', stack: 'dev', 'managed-by': 'pulumi' } });
});

test('outputs an operator needs, and the image CI passed', async () => {
  const { program } = stack;
  expect(await valueOf(program.publicUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+/);
  expect(await valueOf(program.slackRequestUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+\/slack\/events$/);
  expect(await valueOf(program.telegramWebhookUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+\/telegram\/webhook$/);
  for (const key of ['tableName', 'clusterName', 'serviceName', 'logGroupName']) {
    expect(await valueOf(program[key] as pulumi.Output<string>)).toBeTruthy();
  }
  expect(await valueOf(program.tableName as pulumi.Output<string>)).toBe('spendwise-dev');
  expect(await valueOf(program.image as pulumi.Output<string>)).toBe(IMAGE);
  const [container] = JSON.parse(one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs.containerDefinitions);
  expect(container.image).toBe(IMAGE);
});

test('the resource inventory (what `pulumi up` creates) is reviewed as a snapshot', () => {
  const inventory = resources.map((r) => `${r.type} ${r.name}`).sort();
  expect(inventory).toMatchSnapshot();
  expect(inventory.length).toBeGreaterThan(60);
});
