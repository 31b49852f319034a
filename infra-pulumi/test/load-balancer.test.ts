import { ofType, one, recordResources, settled } from './mocks';

test('ALB: HTTPS with TLS 1.2+, HTTP redirects, invalid headers dropped, target group on /healthz', async () => {
  const resources = await recordResources();
  const { LoadBalancer } = await import('../components/load-balancer');
  new LoadBalancer('edge', { vpcId: 'vpc-1', publicSubnetIds: ['subnet-a', 'subnet-b'], securityGroupId: 'sg-alb', certificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x', containerPort: 3000, deletionProtection: true });
  await settled(resources);
  expect(one(resources, 'aws:lb/loadBalancer:LoadBalancer').inputs).toMatchObject({ internal: false, subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-alb'], dropInvalidHeaderFields: true, enableDeletionProtection: true });
  const [http, https] = ofType(resources, 'aws:lb/listener:Listener').map((l) => l.inputs);
  expect(https).toMatchObject({ port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', certificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x' });
  expect(http).toMatchObject({ port: 80, protocol: 'HTTP', defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }] });
  expect(one(resources, 'aws:lb/targetGroup:TargetGroup').inputs).toMatchObject({ targetType: 'ip', port: 3000, protocol: 'HTTP', deregistrationDelay: 30, healthCheck: { path: '/healthz', matcher: '200' } });
});
