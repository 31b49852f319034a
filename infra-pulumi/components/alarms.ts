import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BOT_DYNAMODB_OPERATIONS } from '../policies/bot-task-policy';

export interface AlarmsArgs {
  readonly albArnSuffix: pulumi.Input<string>;
  readonly targetGroupArnSuffix: pulumi.Input<string>;
  readonly clusterName: pulumi.Input<string>;
  readonly serviceName: pulumi.Input<string>;
  readonly tableName: pulumi.Input<string>;
  /** The service's log group: some failures users do not see at once are only in its logs. */
  readonly logGroupName: pulumi.Input<string>;
  readonly minTasks: number;
  readonly email?: string;
}

/**
 * The key policy of the alarm topic's key. CloudWatch publishes to an encrypted topic with the
 * topic's key, so the key must let `cloudwatch.amazonaws.com` generate data keys and decrypt; the
 * AWS-managed `alias/aws/sns` cannot (its policy is fixed), and alarms sent through it are lost.
 */
export function alarmTopicKeyPolicy(accountId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministersTheKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'CloudWatchPublishesAlarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*' },
    ],
  };
}

/** Where the metrics the service's logs give are published. */
export const LOG_METRICS_NAMESPACE = 'Spendwise';

/** Alarms that mean users are affected, all to one SNS topic that CloudWatch can publish to. */
export class Alarms extends pulumi.ComponentResource {
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:ops:Alarms', name, {}, opts);
    const parent = { parent: this };
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const key = new aws.kms.Key(`${name}-topic-key`, {
      description: 'Spendwise alarm topic: CloudWatch may use it to publish',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: accountId.apply((id) => JSON.stringify(alarmTopicKeyPolicy(id))),
    }, parent);
    const topic = new aws.sns.Topic(`${name}-topic`, { kmsMasterKeyId: key.arn }, parent);
    if (args.email) new aws.sns.TopicSubscription(`${name}-email`, { topic: topic.arn, protocol: 'email', endpoint: args.email }, parent);
    const alarm = (suffix: string, spec: Omit<aws.cloudwatch.MetricAlarmArgs, 'alarmActions' | 'okActions'>) =>
      new aws.cloudwatch.MetricAlarm(`${name}-${suffix}`, { ...spec, alarmActions: [topic.arn], okActions: [topic.arn], treatMissingData: spec.treatMissingData ?? 'notBreaching' }, parent);
    const alb = { LoadBalancer: args.albArnSuffix };
    const tg = { LoadBalancer: args.albArnSuffix, TargetGroup: args.targetGroupArnSuffix };
    const ecs = { ClusterName: args.clusterName, ServiceName: args.serviceName };

    alarm('alb-5xx', { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: alb, statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 10, comparisonOperator: 'GreaterThanThreshold' });
    // The ALB's own 502/503/504 (no healthy target, a task that hangs up): never in the target metric.
    alarm('alb-elb-5xx', { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_ELB_5XX_Count', dimensions: alb, statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 10, comparisonOperator: 'GreaterThanThreshold' });
    alarm('alb-latency', { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: alb, extendedStatistic: 'p95', period: 300, evaluationPeriods: 2, threshold: 2, comparisonOperator: 'GreaterThanThreshold' });
    alarm('unhealthy-hosts', { namespace: 'AWS/ApplicationELB', metricName: 'UnHealthyHostCount', dimensions: tg, statistic: 'Maximum', period: 60, evaluationPeriods: 3, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
    alarm('running-tasks', { namespace: 'ECS/ContainerInsights', metricName: 'RunningTaskCount', dimensions: ecs, statistic: 'Minimum', period: 60, evaluationPeriods: 3, threshold: args.minTasks, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching' });
    alarm('cpu-high', { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: ecs, statistic: 'Average', period: 300, evaluationPeriods: 3, threshold: 85, comparisonOperator: 'GreaterThanThreshold' });
    alarm('memory-high', { namespace: 'AWS/ECS', metricName: 'MemoryUtilization', dimensions: ecs, statistic: 'Average', period: 300, evaluationPeriods: 3, threshold: 85, comparisonOperator: 'GreaterThanThreshold' });
    // DynamoDB publishes these two only per {TableName, Operation}: an alarm on TableName alone watches
    // a series that never exists. Metric math sums the operations the bot calls.
    for (const metricName of ['ThrottledRequests', 'SystemErrors']) {
      alarm(`dynamodb-${metricName === 'SystemErrors' ? 'system-errors' : 'throttles'}`, {
        alarmDescription: `DynamoDB ${metricName}, summed over the operations the bot calls`,
        metricQueries: [
          { id: 'total', expression: 'SUM(FILL(METRICS(), 0))', label: `${metricName} (all operations)`, returnData: true },
          ...BOT_DYNAMODB_OPERATIONS.map((operation, i) => ({
            id: `op${i}`,
            returnData: false,
            metric: { namespace: 'AWS/DynamoDB', metricName, dimensions: { TableName: args.tableName, Operation: operation }, stat: 'Sum', period: 300 },
          })),
        ],
        evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold',
      });
    }
    // A ledger's indexes left behind after its write (search, largest, day and description totals
    // lag until its next write or a rebuild): the service logs code "indexes.behind".
    new aws.cloudwatch.LogMetricFilter(`${name}-indexes-behind`, {
      logGroupName: args.logGroupName,
      pattern: '{ $.code = "indexes.behind" }',
      metricTransformation: { namespace: LOG_METRICS_NAMESPACE, name: 'IndexesBehind', value: '1', defaultValue: '0' },
    }, parent);
    alarm('indexes-behind', {
      alarmDescription: 'Ledger indexes left behind after a write (log code indexes.behind): run `ops projections verify`',
      namespace: LOG_METRICS_NAMESPACE, metricName: 'IndexesBehind', statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold',
    });
    this.topicArn = topic.arn;
    this.registerOutputs({ topicArn: this.topicArn });
  }
}
