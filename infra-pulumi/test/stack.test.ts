import * as pulumi from '@pulumi/pulumi';
import { RecordedResource, recordResources, settled } from './mocks';
import { violationsOf } from '../policies/stack-policies';

let resources: RecordedResource[];
let program: Record<string, pulumi.Output<unknown>>;

beforeAll(async () => {
  resources = await recordResources({ 'spendwise:natStrategy': 'single', 'spendwise:azCount': '2' }, 'dev');
  program = (await import('../index')) as unknown as Record<string, pulumi.Output<unknown>>;
  await settled(resources);
});

const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply(done));

test('every resource of the stack passes our policies', () => {
  const violations = resources.flatMap((r) =>
    violationsOf({ type: r.type, name: r.name, props: r.inputs }).map((v) => `${r.type} ${r.name}: ${v}`));
  expect(violations).toEqual([]);
});

test('the policies catch what they are for', () => {
  const check = (type: string, name: string, props: Record<string, any>) => violationsOf({ type, name, props });
  expect(check('aws:ecs/service:Service', 's', { networkConfiguration: { assignPublicIp: true } })).toHaveLength(1);
  expect(check('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'sg-task-in', { ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' })).toHaveLength(1);
  expect(check('aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'sg-alb-in-22', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' })).toHaveLength(1);
  expect(check('aws:dynamodb/table:Table', 't', { serverSideEncryption: { enabled: true } })).toEqual(['pitr-on: PITR must be enabled']);
  expect(check('aws:cloudwatch/logGroup:LogGroup', 'l', {})).toHaveLength(1);
  expect(check('aws:iam/rolePolicy:RolePolicy', 'p', { policy: JSON.stringify({ Statement: [{ Action: 'dynamodb:*', Resource: '*' }] }) })).toHaveLength(2);
  expect(check('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'a', { policyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' })).toHaveLength(1);
});

test('every resource is tagged through the provider’s default tags (one provider: no resource falls back to an untagged default)', () => {
  const providers = resources.filter((r) => r.type === 'pulumi:providers:aws');
  expect(providers).toHaveLength(1);
  expect(JSON.parse(providers[0]!.inputs.defaultTags)).toEqual({ tags: { project: 'spendwise', stack: 'dev', 'managed-by': 'pulumi' } });
});

test('outputs an operator needs', async () => {
  expect(await valueOf(program.publicUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+/);
  expect(await valueOf(program.slackRequestUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+\/slack\/events$/);
  expect(await valueOf(program.telegramWebhookUrl as pulumi.Output<string>)).toMatch(/^https:\/\/.+\/telegram\/webhook$/);
  for (const key of ['ecrRepositoryUrl', 'tableName', 'clusterName', 'serviceName', 'logGroupName']) {
    expect(await valueOf(program[key] as pulumi.Output<string>)).toBeTruthy();
  }
  expect(await valueOf(program.tableName as pulumi.Output<string>)).toBe('spendwise-dev');
});

test('the resource inventory (what `pulumi up` creates) is reviewed as a snapshot', () => {
  const inventory = resources.map((r) => `${r.type} ${r.name}`).sort();
  expect(inventory).toMatchSnapshot();
  expect(inventory.length).toBeGreaterThan(60);
});
