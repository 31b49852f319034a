import { ofType, recordResources, settled } from './mocks';

test('a single NAT gateway by config, shared by every private route table', async () => {
  const resources = await recordResources();
  const { Network } = await import('../components/network');
  new Network('net', { azCount: 2, natStrategy: 'single', flowLogRetentionDays: 7 });
  await settled(resources);
  expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
  const routes = ofType(resources, 'aws:ec2/route:Route').filter((r) => r.inputs.natGatewayId);
  expect(routes).toHaveLength(2);
  expect(new Set(routes.map((r) => r.inputs.natGatewayId)).size).toBe(1);
  expect(() => new Network('bad', { azCount: 1, natStrategy: 'single', flowLogRetentionDays: 7 })).toThrow('at least 2');
});
