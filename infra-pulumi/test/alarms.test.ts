import { ACCOUNT, ofType, one, recordResources, settled } from './mocks';

test('alarms for ALB target and ELB 5xx, latency, unhealthy hosts, running < desired, CPU, memory and DynamoDB, to one topic CloudWatch can publish to', async () => {
  const resources = await recordResources();
  const { Alarms } = await import('../components/alarms');
  const { BOT_DYNAMODB_OPERATIONS } = await import('../policies/bot-task-policy');
  new Alarms('alarms', { albArnSuffix: 'app/alb/1', targetGroupArnSuffix: 'targetgroup/tg/2', clusterName: 'c', serviceName: 's', tableName: 't', logGroupName: 'bot-logs', minTasks: 2, email: 'ops@example.com' });
  await settled(resources);
  const topic = one(resources, 'aws:sns/topic:Topic');
  const key = one(resources, 'aws:kms/key:Key');
  // Not alias/aws/sns: CloudWatch cannot use that key, and its alarms would be dropped.
  expect(topic.inputs.kmsMasterKeyId).toBe(key.arn);
  expect(JSON.parse(key.inputs.policy).Statement).toEqual([
    { Sid: 'AccountAdministersTheKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
    { Sid: 'CloudWatchPublishesAlarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*' },
  ]);
  expect(one(resources, 'aws:sns/topicSubscription:TopicSubscription').inputs).toMatchObject({ protocol: 'email', endpoint: 'ops@example.com' });
  const alarms = ofType(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm');
  expect(alarms.map((a) => a.inputs.metricName ?? a.inputs.metricQueries.find((q: any) => q.metric).metric.metricName).sort()).toEqual([
    'CPUUtilization', 'HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'IndexesBehind', 'MemoryUtilization', 'RunningTaskCount', 'SystemErrors', 'TargetResponseTime', 'ThrottledRequests', 'UnHealthyHostCount',
  ]);
  expect(alarms.every((a) => a.inputs.alarmActions.length === 1 && a.inputs.alarmActions[0] === topic.arn)).toBe(true);
  const running = alarms.find((a) => a.inputs.metricName === 'RunningTaskCount')!.inputs;
  expect(running).toMatchObject({ threshold: 2, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching', dimensions: { ClusterName: 'c', ServiceName: 's' } });
  expect(alarms.find((a) => a.inputs.metricName === 'HTTPCode_ELB_5XX_Count')!.inputs).toMatchObject({ namespace: 'AWS/ApplicationELB', dimensions: { LoadBalancer: 'app/alb/1' } });
  // The service logs code "indexes.behind" when a ledger's indexes are left behind: counted from its log group.
  const filter = one(resources, 'aws:cloudwatch/logMetricFilter:LogMetricFilter').inputs;
  expect(filter).toMatchObject({ logGroupName: 'bot-logs', pattern: '{ $.code = "indexes.behind" }', metricTransformation: { namespace: 'Spendwise', name: 'IndexesBehind', value: '1' } });
  expect(alarms.find((a) => a.inputs.metricName === 'IndexesBehind')!.inputs).toMatchObject({ namespace: 'Spendwise', statistic: 'Sum', threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
  // Per {TableName, Operation}, the only series DynamoDB publishes for these two, summed by metric math.
  for (const name of ['alarms-dynamodb-throttles', 'alarms-dynamodb-system-errors']) {
    const queries = alarms.find((a) => a.name === name)!.inputs.metricQueries;
    expect(queries[0]).toEqual({ id: 'total', expression: 'SUM(FILL(METRICS(), 0))', label: expect.any(String), returnData: true });
    expect(queries.slice(1).map((q: any) => [q.metric.namespace, q.metric.dimensions, q.metric.stat, q.returnData]))
      .toEqual(BOT_DYNAMODB_OPERATIONS.map((Operation) => ['AWS/DynamoDB', { TableName: 't', Operation }, 'Sum', false]));
  }
});
