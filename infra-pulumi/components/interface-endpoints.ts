import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface InterfaceEndpointsArgs {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<string>[];
  readonly securityGroupId: pulumi.Input<string>;
}

/** The AWS APIs the tasks call, reached privately: image pulls, logs, secrets, receipts. */
export const INTERFACE_ENDPOINT_SERVICES = ['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'textract'] as const;

export class InterfaceEndpoints extends pulumi.ComponentResource {
  constructor(name: string, args: InterfaceEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('spendwise:network:InterfaceEndpoints', name, {}, opts);
    const region = aws.getRegionOutput({}, { parent: this }).region;
    for (const service of INTERFACE_ENDPOINT_SERVICES) {
      new aws.ec2.VpcEndpoint(`${name}-${service.replace('.', '-')}`, {
        vpcId: args.vpcId,
        vpcEndpointType: 'Interface',
        serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
        subnetIds: args.subnetIds,
        securityGroupIds: [args.securityGroupId],
        privateDnsEnabled: true,
      }, { parent: this });
    }
    this.registerOutputs({});
  }
}
