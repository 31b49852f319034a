import { ofType, recordResources, settled } from './mocks';

test('internet → ALB on 80/443 only; ALB → tasks on the container port; tasks → endpoints on 443', async () => {
  const resources = await recordResources();
  const { SecurityGroups } = await import('../components/security-groups');
  new SecurityGroups('sg', { vpcId: 'vpc-1', containerPort: 3000 });
  await settled(resources);
  const rules = [...ofType(resources, 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule'), ...ofType(resources, 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule')]
    .map((r) => ({ name: r.name, from: r.inputs.fromPort, to: r.inputs.toPort, protocol: r.inputs.ipProtocol, group: r.inputs.securityGroupId, cidr: r.inputs.cidrIpv4, peer: r.inputs.referencedSecurityGroupId }));
  expect(rules).toEqual([
    { name: 'sg-alb-in-443', from: 443, to: 443, protocol: 'tcp', group: 'sg-alb-id', cidr: '0.0.0.0/0', peer: undefined },
    { name: 'sg-alb-in-80', from: 80, to: 80, protocol: 'tcp', group: 'sg-alb-id', cidr: '0.0.0.0/0', peer: undefined },
    { name: 'sg-endpoints-in-task', from: 443, to: 443, protocol: 'tcp', group: 'sg-endpoints-id', cidr: undefined, peer: 'sg-task-id' },
    { name: 'sg-task-in-alb', from: 3000, to: 3000, protocol: 'tcp', group: 'sg-task-id', cidr: undefined, peer: 'sg-alb-id' },
    { name: 'sg-alb-out-task', from: 3000, to: 3000, protocol: 'tcp', group: 'sg-alb-id', cidr: undefined, peer: 'sg-task-id' },
    { name: 'sg-task-out-https', from: 443, to: 443, protocol: 'tcp', group: 'sg-task-id', cidr: '0.0.0.0/0', peer: undefined },
  ]);
  expect(ofType(resources, 'aws:ec2/securityGroup:SecurityGroup').every((g) => g.inputs.ingress === undefined && g.inputs.egress === undefined)).toBe(true);
});
