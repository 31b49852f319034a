import { RecordedResource, ofType, one, underTest } from './mocks';
import { RecordedStack, recordStack } from './stack-checks';
import { stackViolationsOf } from '../policies/stack-policies';
import { INTERFACE_ENDPOINT_SERVICES } from '../components/interface-endpoints';

// The prod stack as committed (Pulumi.prod.yaml), with what an operator and CI add.
let stack: RecordedStack;
let resources: RecordedResource[];

beforeAll(async () => {
  stack = await recordStack('prod', { 'spendwise:alarmEmail': 'ops@example.com' });
  resources = stack.resources;
});

test('every resource, and the stack as a whole, passes our policies', () => {
  expect(stackViolationsOf(underTest(resources))).toEqual([]);
});

test('prod keeps AWS API calls off the NAT (interface endpoints) and has a NAT per AZ', () => {
  const interfaces = ofType(resources, 'aws:ec2/vpcEndpoint:VpcEndpoint').filter((e) => e.inputs.vpcEndpointType === 'Interface');
  expect(interfaces.map((e) => e.inputs.serviceName.split('.').slice(3).join('.')).sort()).toEqual([...INTERFACE_ENDPOINT_SERVICES].sort());
  expect(interfaces.every((e) => e.inputs.privateDnsEnabled === true)).toBe(true);
  expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
});

test('a failed rollout fails `pulumi up` within the configured time; the ALB cannot be deleted by accident', () => {
  expect(one(resources, 'aws:ecs/service:Service').inputs).toMatchObject({ waitForSteadyState: true, deploymentCircuitBreaker: { enable: true, rollback: true } });
  expect(stack.options.get('bot-service')?.customTimeouts).toEqual({ create: '20m', update: '20m' });
  expect(one(resources, 'aws:lb/loadBalancer:LoadBalancer').inputs.enableDeletionProtection).toBe(true);
});

test('alarm dimensions name this stack’s ALB, service and table; the topic’s key lets CloudWatch publish', () => {
  const alarms = ofType(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm');
  expect(alarms.find((a) => a.inputs.metricName === 'HTTPCode_ELB_5XX_Count')!.inputs.dimensions).toEqual({ LoadBalancer: 'app/edge-alb/1' });
  expect(alarms.find((a) => a.inputs.metricName === 'RunningTaskCount')!.inputs.dimensions).toEqual({ ClusterName: 'bot-cluster', ServiceName: 'bot-service' });
  const throttles = alarms.find((a) => a.name === 'alarms-dynamodb-throttles')!;
  expect(new Set(throttles.inputs.metricQueries.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions.TableName))).toEqual(new Set(['spendwise-prod']));
  const key = JSON.parse(one(resources, 'aws:kms/key:Key').inputs.policy);
  expect(key.Statement.find((s: any) => s.Principal.Service === 'cloudwatch.amazonaws.com').Action).toEqual(['kms:GenerateDataKey*', 'kms:Decrypt']);
  expect(one(resources, 'aws:sns/topicSubscription:TopicSubscription').inputs.protocol).toBe('email');
});

test('the prod task size is a valid Fargate pair and runs on ARM64', () => {
  expect(one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs).toMatchObject({ cpu: '512', memory: '1024', runtimePlatform: { cpuArchitecture: 'ARM64' } });
});
