import { ofType, one, recordResources, settled } from './mocks';

test('alarms for ALB 5xx and latency, unhealthy hosts, running < desired, CPU, memory and DynamoDB throttles, to one SNS topic', async () => {
  const resources = await recordResources();
  const { Alarms } = await import('../components/alarms');
  new Alarms('alarms', { albArnSuffix: 'app/alb/1', targetGroupArnSuffix: 'targetgroup/tg/2', clusterName: 'c', serviceName: 's', tableName: 't', minTasks: 2, email: 'ops@example.com' });
  await settled(resources);
  const topic = one(resources, 'aws:sns/topic:Topic');
  expect(topic.inputs.kmsMasterKeyId).toBe('alias/aws/sns');
  expect(one(resources, 'aws:sns/topicSubscription:TopicSubscription').inputs).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
  const alarms = ofType(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm');
  expect(alarms.map((a) => a.inputs.metricName).sort()).toEqual([
    'CPUUtilization', 'HTTPCode_Target_5XX_Count', 'MemoryUtilization', 'RunningTaskCount', 'SystemErrors', 'TargetResponseTime', 'ThrottledRequests', 'UnHealthyHostCount',
  ]);
  expect(alarms.every((a) => a.inputs.alarmActions.length === 1 && a.inputs.alarmActions[0] === `arn:aws:sns:eu-west-1:111111111111:alarms-topic`)).toBe(true);
  const running = alarms.find((a) => a.inputs.metricName === 'RunningTaskCount')!.inputs;
  expect(running).toMatchObject({ threshold: 2, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching', dimensions: { ClusterName: 'c', ServiceName: 's' } });
});
