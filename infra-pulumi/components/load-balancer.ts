import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface LoadBalancerArgs {
  readonly vpcId: pulumi.Input<string>;
  readonly publicSubnetIds: pulumi.Input<string>[];
  readonly securityGroupId: pulumi.Input<string>;
  readonly certificateArn: pulumi.Input<string>;
  readonly containerPort: number;
  readonly deletionProtection: boolean;
}

export const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** Public ALB: HTTPS (TLS 1.2+) to the tasks, HTTP only to redirect, invalid headers dropped. */
export class LoadBalancer extends pulumi.ComponentResource {
  readonly dnsName: pulumi.Output<string>;
  readonly arnSuffix: pulumi.Output<string>;
  readonly targetGroupArn: pulumi.Output<string>;
  readonly targetGroupArnSuffix: pulumi.Output<string>;
  readonly httpsListener: aws.lb.Listener;

  constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:edge:LoadBalancer', name, {}, opts);
    const parent = { parent: this };
    const alb = new aws.lb.LoadBalancer(`${name}-alb`, {
      loadBalancerType: 'application',
      internal: false,
      subnets: args.publicSubnetIds,
      securityGroups: [args.securityGroupId],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: args.deletionProtection,
      idleTimeout: 60,
    }, parent);
    const targets = new aws.lb.TargetGroup(`${name}-tg`, {
      vpcId: args.vpcId,
      targetType: 'ip',
      protocol: 'HTTP',
      port: args.containerPort,
      deregistrationDelay: 30,
      healthCheck: { path: '/healthz', matcher: '200', interval: 15, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
    }, parent);
    this.httpsListener = new aws.lb.Listener(`${name}-https`, {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: TLS_POLICY,
      certificateArn: args.certificateArn,
      defaultActions: [{ type: 'forward', targetGroupArn: targets.arn }],
    }, parent);
    new aws.lb.Listener(`${name}-http`, {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
    }, parent);
    this.dnsName = alb.dnsName;
    this.arnSuffix = alb.arnSuffix;
    this.targetGroupArn = targets.arn;
    this.targetGroupArnSuffix = targets.arnSuffix;
    this.registerOutputs({ dnsName: this.dnsName });
  }
}
