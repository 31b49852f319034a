import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface SecurityGroupsArgs {
  readonly vpcId: pulumi.Input<string>;
  readonly containerPort: number;
}

const HTTPS = 443;

/**
 * Least privilege between the tiers: the internet reaches only the ALB (80, 443); the ALB reaches
 * only the tasks' port; tasks reach endpoints on 443 and the internet on 443 (Slack, Telegram).
 * One rule per resource (never inline), so each is reviewable and none is protocol -1 from anywhere.
 */
export class SecurityGroups extends pulumi.ComponentResource {
  readonly albSecurityGroupId: pulumi.Output<string>;
  readonly taskSecurityGroupId: pulumi.Output<string>;
  readonly endpointSecurityGroupId: pulumi.Output<string>;

  constructor(name: string, args: SecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:network:SecurityGroups', name, {}, opts);
    const parent = { parent: this };
    const group = (suffix: string, description: string) =>
      new aws.ec2.SecurityGroup(`${name}-${suffix}`, { vpcId: args.vpcId, description, tags: { Name: `${name}-${suffix}` } }, parent);
    const alb = group('alb', 'Spendwise ALB: HTTP and HTTPS from the internet');
    const task = group('task', 'Spendwise tasks: the container port from the ALB only');
    const endpoints = group('endpoints', 'Spendwise interface endpoints: HTTPS from the tasks only');
    const tcp = { ipProtocol: 'tcp' };

    for (const port of [HTTPS, 80]) {
      new aws.vpc.SecurityGroupIngressRule(`${name}-alb-in-${port}`, { ...tcp, securityGroupId: alb.id, fromPort: port, toPort: port, cidrIpv4: '0.0.0.0/0', description: `port ${port} from the internet` }, parent);
    }
    new aws.vpc.SecurityGroupEgressRule(`${name}-alb-out-task`, { ...tcp, securityGroupId: alb.id, fromPort: args.containerPort, toPort: args.containerPort, referencedSecurityGroupId: task.id, description: 'to the tasks' }, parent);
    new aws.vpc.SecurityGroupIngressRule(`${name}-task-in-alb`, { ...tcp, securityGroupId: task.id, fromPort: args.containerPort, toPort: args.containerPort, referencedSecurityGroupId: alb.id, description: 'from the ALB' }, parent);
    new aws.vpc.SecurityGroupEgressRule(`${name}-task-out-https`, { ...tcp, securityGroupId: task.id, fromPort: HTTPS, toPort: HTTPS, cidrIpv4: '0.0.0.0/0', description: 'HTTPS to AWS endpoints, Slack and Telegram' }, parent);
    new aws.vpc.SecurityGroupIngressRule(`${name}-endpoints-in-task`, { ...tcp, securityGroupId: endpoints.id, fromPort: HTTPS, toPort: HTTPS, referencedSecurityGroupId: task.id, description: 'HTTPS from the tasks' }, parent);

    this.albSecurityGroupId = alb.id;
    this.taskSecurityGroupId = task.id;
    this.endpointSecurityGroupId = endpoints.id;
    this.registerOutputs({});
  }
}
