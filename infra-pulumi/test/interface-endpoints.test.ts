import { ofType, recordResources, settled } from './mocks';

test('interface endpoints for ECR, Logs, Secrets Manager and Textract, private DNS, reachable only through their SG', async () => {
  const resources = await recordResources();
  const { InterfaceEndpoints } = await import('../components/interface-endpoints');
  new InterfaceEndpoints('endpoints', { vpcId: 'vpc-1', subnetIds: ['subnet-p1', 'subnet-p2'], securityGroupId: 'sg-endpoints' });
  await settled(resources);
  const endpoints = ofType(resources, 'aws:ec2/vpcEndpoint:VpcEndpoint').map((e) => e.inputs);
  expect(endpoints.map((e) => e.serviceName).sort()).toEqual(
    ['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'textract'].map((s) => `com.amazonaws.eu-west-1.${s}`),
  );
  for (const e of endpoints) {
    expect(e).toMatchObject({ vpcEndpointType: 'Interface', privateDnsEnabled: true, subnetIds: ['subnet-p1', 'subnet-p2'], securityGroupIds: ['sg-endpoints'] });
  }
});
