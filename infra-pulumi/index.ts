import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { Alarms } from './components/alarms';
import { BotService } from './components/bot-service';
import { DataTable } from './components/data-table';
import { InterfaceEndpoints } from './components/interface-endpoints';
import { LoadBalancer } from './components/load-balancer';
import { Network } from './components/network';
import { ReceiptsBucket } from './components/receipts-bucket';
import { SecurityGroups } from './components/security-groups';
import { readSettings } from './config';

// Composition only: every resource lives in a component; every tag comes from the provider.
const stack = pulumi.getStack();
const region = aws.config.requireRegion();
const provider = new aws.Provider('aws', {
  region,
  defaultTags: { tags: { project: 'spendwise', stack, 'managed-by': 'pulumi' } },
});
const opts = { providers: { aws: provider } };
// The image: CI's for this run, else the one CI last deployed to this stack (never a file's placeholder).
// A String parameter's insecureValue: the image is no secret, and previews show its change.
const settings = readSettings(undefined, (name) => aws.ssm.getParameterOutput({ name }, { provider }).insecureValue);

const network = new Network('net', { azCount: settings.azCount, natStrategy: settings.natStrategy, flowLogRetentionDays: settings.logRetentionDays }, opts);
const groups = new SecurityGroups('sg', { vpcId: network.vpcId, containerPort: settings.containerPort }, opts);
// Off in a dev profile: AWS API calls then go through the NAT (see README, cost).
if (settings.interfaceEndpoints) {
  new InterfaceEndpoints('endpoints', { vpcId: network.vpcId, subnetIds: network.privateSubnetIds, securityGroupId: groups.endpointSecurityGroupId }, opts);
}
const data = new DataTable('data', { tableName: settings.tableName }, opts);
const receipts = new ReceiptsBucket('receipts', {}, opts);
const edge = new LoadBalancer('edge', {
  vpcId: network.vpcId,
  publicSubnetIds: network.publicSubnetIds,
  securityGroupId: groups.albSecurityGroupId,
  certificateArn: settings.certificateArn,
  containerPort: settings.containerPort,
  deletionProtection: settings.deletionProtection,
}, opts);
const bot = new BotService('bot', {
  image: settings.image,
  secrets: settings.secrets,
  rolloutTimeoutMinutes: settings.rolloutTimeoutMinutes,
  containerPort: settings.containerPort,
  cpu: settings.taskCpu,
  memory: settings.taskMemory,
  minTasks: settings.minTasks,
  maxTasks: settings.maxTasks,
  logRetentionDays: settings.logRetentionDays,
  rateLimits: { perMinute: settings.rateLimitPerMinute, perDay: settings.rateLimitPerDay },
  privateSubnetIds: network.privateSubnetIds,
  taskSecurityGroupId: groups.taskSecurityGroupId,
  targetGroupArn: edge.targetGroupArn,
  requestCountResourceLabel: pulumi.interpolate`${edge.arnSuffix}/${edge.targetGroupArnSuffix}`,
  listener: edge.httpsListener,
  tableName: data.name,
  tableArn: data.arn,
  receiptsBucketName: receipts.bucketName,
  receiptsBucketArn: receipts.bucketArn,
  region,
}, opts);
const alarms = new Alarms('alarms', {
  albArnSuffix: edge.arnSuffix,
  targetGroupArnSuffix: edge.targetGroupArnSuffix,
  clusterName: bot.clusterName,
  serviceName: bot.serviceName,
  tableName: data.name,
  logGroupName: bot.logGroupName,
  minTasks: settings.minTasks,
  ...(settings.alarmEmail ? { email: settings.alarmEmail } : {}),
}, opts);

export const publicUrl = pulumi.interpolate`https://${edge.dnsName}`;
export const slackRequestUrl = pulumi.interpolate`https://${edge.dnsName}/slack/events`;
export const telegramWebhookUrl = pulumi.interpolate`https://${edge.dnsName}/telegram/webhook`;
export const image = settings.image;
export const tableName = data.name;
export const receiptsBucketName = receipts.bucketName;
export const clusterName = bot.clusterName;
export const serviceName = bot.serviceName;
export const logGroupName = bot.logGroupName;
export const secretArns = bot.secretArns;
export const alarmTopicArn = alarms.topicArn;
