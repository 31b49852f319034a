import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { IAM_PATH } from '../policies/iam-path';

export interface NetworkArgs {
  readonly cidrBlock?: string;
  /** At least two, from the region's available zones. */
  readonly azCount: number;
  /** One NAT gateway per AZ (prod: no AZ depends on another) or a single one (dev: cheaper). */
  readonly natStrategy: 'single' | 'perAz';
  readonly flowLogRetentionDays: number;
}

/**
 * VPC across `azCount` AZs: public subnets (ALB, NAT) and private subnets (tasks, endpoints), the
 * default security group locked, flow logs on. AWS traffic stays inside through gateway endpoints
 * (S3, DynamoDB); Slack and Telegram are on the internet, so tasks still egress through NAT.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly privateSubnetIds: pulumi.Output<string>[];
  readonly privateRouteTableIds: pulumi.Output<string>[];

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:network:Network', name, {}, opts);
    if (args.azCount < 2) throw new Error('Network: azCount must be at least 2');
    const parent = { parent: this };
    const cidr = args.cidrBlock ?? '10.0.0.0/16';
    const [a, b] = cidr.split('.');
    const zones = aws.getAvailabilityZonesOutput({ state: 'available' }, parent).names;

    const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: `${name}-vpc` } }, parent);
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${name}-default-locked` } }, parent);
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id }, parent);

    const publicRoutes = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id }, parent);
    new aws.ec2.Route(`${name}-public-default`, { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id }, parent);

    const publicSubnets: aws.ec2.Subnet[] = [];
    const privateSubnets: aws.ec2.Subnet[] = [];
    const privateRouteTables: aws.ec2.RouteTable[] = [];
    const nats: aws.ec2.NatGateway[] = [];
    for (let i = 0; i < args.azCount; i += 1) {
      const az = zones.apply((names) => {
        if (names.length < args.azCount) throw new Error(`Network: the region has ${names.length} AZs, ${args.azCount} asked`);
        return names[i]!;
      });
      const pub = new aws.ec2.Subnet(`${name}-public-${i}`, {
        vpcId: vpc.id, availabilityZone: az, cidrBlock: `${a}.${b}.${i}.0/24`, mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-public-${i}`, tier: 'public' },
      }, parent);
      new aws.ec2.RouteTableAssociation(`${name}-public-${i}-rta`, { subnetId: pub.id, routeTableId: publicRoutes.id }, parent);
      publicSubnets.push(pub);
      const priv = new aws.ec2.Subnet(`${name}-private-${i}`, {
        vpcId: vpc.id, availabilityZone: az, cidrBlock: `${a}.${b}.${100 + i}.0/24`, mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-private-${i}`, tier: 'private' },
      }, parent);
      privateSubnets.push(priv);
      if (args.natStrategy === 'perAz' || i === 0) {
        const eip = new aws.ec2.Eip(`${name}-nat-eip-${i}`, { domain: 'vpc' }, parent);
        nats.push(new aws.ec2.NatGateway(`${name}-nat-${i}`, { subnetId: pub.id, allocationId: eip.id }, { parent: this, dependsOn: [igw] }));
      }
      const rt = new aws.ec2.RouteTable(`${name}-private-rt-${i}`, { vpcId: vpc.id }, parent);
      new aws.ec2.Route(`${name}-private-default-${i}`, { routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nats[nats.length - 1]!.id }, parent);
      new aws.ec2.RouteTableAssociation(`${name}-private-${i}-rta`, { subnetId: priv.id, routeTableId: rt.id }, parent);
      privateRouteTables.push(rt);
    }

    const region = aws.getRegionOutput({}, parent).region;
    for (const service of ['s3', 'dynamodb']) {
      new aws.ec2.VpcEndpoint(`${name}-${service}-gateway`, {
        vpcId: vpc.id, vpcEndpointType: 'Gateway', serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
        routeTableIds: privateRouteTables.map((rt) => rt.id),
      }, parent);
    }

    const flowLogs = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { retentionInDays: args.flowLogRetentionDays }, parent);
    // The role VPC Flow Logs assumes, only on behalf of this account's flow logs (confused deputy).
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const flowRole = new aws.iam.Role(`${name}-flow-logs-role`, {
      path: IAM_PATH,
      assumeRolePolicy: pulumi.all([accountId, region]).apply(([account, r]) => JSON.stringify(flowLogsTrustPolicy(account, r))),
    }, parent);
    new aws.iam.RolePolicy(`${name}-flow-logs-policy`, {
      role: flowRole.id,
      policy: flowLogs.arn.apply((arn) => JSON.stringify(flowLogsPolicy(arn))),
    }, parent);
    new aws.ec2.FlowLog(`${name}-flow-log`, { vpcId: vpc.id, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: flowLogs.arn, iamRoleArn: flowRole.arn }, parent);

    this.vpcId = vpc.id;
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.privateRouteTableIds = privateRouteTables.map((rt) => rt.id);
    this.registerOutputs({ vpcId: this.vpcId });
  }
}

/** Trust for VPC Flow Logs, conditioned on this account and its flow logs (AWS's confused-deputy advice). */
export function flowLogsTrustPolicy(accountId: string, region: string) {
  return {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': accountId },
        ArnLike: { 'aws:SourceArn': `arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*` },
      },
    }],
  };
}

/** What AWS documents the flow-log role needs, on this log group (DescribeLogGroups lists the account's groups). */
export function flowLogsPolicy(logGroupArn: string) {
  const groups = logGroupArn.replace(/:log-group:.*$/, ':log-group:*');
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: [logGroupArn, `${logGroupArn}:*`] },
      { Sid: 'FindLogGroup', Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: groups },
    ],
  };
}
