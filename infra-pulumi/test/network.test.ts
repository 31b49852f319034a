import { AZS, ofType, one, recordResources, settled } from './mocks';

test('VPC over the configured AZs, private subnets without public IPs, gateway endpoints, locked default SG, flow logs', async () => {
  const resources = await recordResources();
  const { Network } = await import('../components/network');
  new Network('net', { azCount: 3, natStrategy: 'perAz', flowLogRetentionDays: 14 });
  await settled(resources);

  expect(one(resources, 'aws:ec2/vpc:Vpc').inputs).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true });
  const subnets = ofType(resources, 'aws:ec2/subnet:Subnet');
  const priv = subnets.filter((s) => s.inputs.tags.tier === 'private');
  const pub = subnets.filter((s) => s.inputs.tags.tier === 'public');
  expect(priv.map((s) => s.inputs.availabilityZone)).toEqual(AZS);
  expect(pub.map((s) => s.inputs.availabilityZone)).toEqual(AZS);
  expect(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false)).toBe(true);
  expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
  expect(one(resources, 'aws:ec2/internetGateway:InternetGateway')).toBeDefined();

  const gateways = ofType(resources, 'aws:ec2/vpcEndpoint:VpcEndpoint');
  expect(gateways.map((g) => [g.inputs.serviceName, g.inputs.vpcEndpointType, g.inputs.routeTableIds.length])).toEqual([
    ['com.amazonaws.eu-west-1.dynamodb', 'Gateway', 3],
    ['com.amazonaws.eu-west-1.s3', 'Gateway', 3],
  ]);
  expect(one(resources, 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup').inputs).toMatchObject({ ingress: [], egress: [] });
  expect(one(resources, 'aws:ec2/flowLog:FlowLog').inputs).toMatchObject({ trafficType: 'ALL' });
  expect(one(resources, 'aws:cloudwatch/logGroup:LogGroup').inputs.retentionInDays).toBe(14);
});
