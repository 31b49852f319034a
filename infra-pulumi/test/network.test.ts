import { ACCOUNT, AZS, ofType, one, recordResources, settled } from './mocks';

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

test('the flow-log role: what AWS documents (DescribeLogGroups too) on its log group, trusted only for this account’s flow logs', async () => {
  const resources = await recordResources();
  const { Network } = await import('../components/network');
  new Network('net', { azCount: 2, natStrategy: 'single', flowLogRetentionDays: 14 });
  await settled(resources);
  const role = one(resources, 'aws:iam/role:Role');
  expect(role.inputs.path).toBe('/spendwise/');
  expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).toEqual([{
    Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc-flow-log/*` } },
  }]);
  const logGroup = one(resources, 'aws:cloudwatch/logGroup:LogGroup').arn;
  const statements = JSON.parse(one(resources, 'aws:iam/rolePolicy:RolePolicy').inputs.policy).Statement;
  expect(statements.flatMap((s: any) => s.Action).sort()).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents']);
  expect(statements[0].Resource).toEqual([logGroup, `${logGroup}:*`]);
  const { flowLogsPolicy } = await import('../components/network');
  expect(flowLogsPolicy('arn:aws:logs:eu-west-1:1:log-group:net-flow-logs-abc').Statement[1]!.Resource).toBe('arn:aws:logs:eu-west-1:1:log-group:*');
});
