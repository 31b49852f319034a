import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface AlarmsArgs {
  readonly albArnSuffix: pulumi.Input<string>;
  readonly targetGroupArnSuffix: pulumi.Input<string>;
  readonly clusterName: pulumi.Input<string>;
  readonly serviceName: pulumi.Input<string>;
  readonly tableName: pulumi.Input<string>;
  readonly minTasks: number;
  readonly email?: string;
}

/** Alarms that mean users are affected, all to one SNS topic. */
export class Alarms extends pulumi.ComponentResource {
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:ops:Alarms', name, {}, opts);
    const parent = { parent: this };
    const topic = new aws.sns.Topic(`${name}-topic`, { kmsMasterKeyId: 'alias/aws/sns' }, parent);
    if (args.email) new aws.sns.TopicSubscription(`${name}-email`, { topic: topic.arn, protocol: 'email', endpoint: args.email }, parent);
    const alarm = (suffix: string, spec: Omit<aws.cloudwatch.MetricAlarmArgs, 'alarmActions' | 'okActions'>) =>
      new aws.cloudwatch.MetricAlarm(`${name}-${suffix}`, { ...spec, alarmActions: [topic.arn], okActions: [topic.arn], treatMissingData: spec.treatMissingData ?? 'notBreaching' }, parent);
    const alb = { LoadBalancer: args.albArnSuffix };
    const tg = { LoadBalancer: args.albArnSuffix, TargetGroup: args.targetGroupArnSuffix };
    const ecs = { ClusterName: args.clusterName, ServiceName: args.serviceName };
    const table = { TableName: args.tableName };

    alarm('alb-5xx', { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: alb, statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 10, comparisonOperator: 'GreaterThanThreshold' });
    alarm('alb-latency', { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: alb, extendedStatistic: 'p95', period: 300, evaluationPeriods: 2, threshold: 2, comparisonOperator: 'GreaterThanThreshold' });
    alarm('unhealthy-hosts', { namespace: 'AWS/ApplicationELB', metricName: 'UnHealthyHostCount', dimensions: tg, statistic: 'Maximum', period: 60, evaluationPeriods: 3, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
    alarm('running-tasks', { namespace: 'ECS/ContainerInsights', metricName: 'RunningTaskCount', dimensions: ecs, statistic: 'Minimum', period: 60, evaluationPeriods: 3, threshold: args.minTasks, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching' });
    alarm('cpu-high', { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: ecs, statistic: 'Average', period: 300, evaluationPeriods: 3, threshold: 85, comparisonOperator: 'GreaterThanThreshold' });
    alarm('memory-high', { namespace: 'AWS/ECS', metricName: 'MemoryUtilization', dimensions: ecs, statistic: 'Average', period: 300, evaluationPeriods: 3, threshold: 85, comparisonOperator: 'GreaterThanThreshold' });
    alarm('dynamodb-throttles', { namespace: 'AWS/DynamoDB', metricName: 'ThrottledRequests', dimensions: table, statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
    alarm('dynamodb-system-errors', { namespace: 'AWS/DynamoDB', metricName: 'SystemErrors', dimensions: table, statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
    this.topicArn = topic.arn;
    this.registerOutputs({ topicArn: this.topicArn });
  }
}
