/**
 * Our own policy rules, written as @pulumi/policy `validateResource` functions so a PolicyPack can
 * reuse them as is; tests run them over every resource of the mocked stack.
 */
export interface ResourceUnderTest {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, any>;
}

export interface StackPolicy {
  readonly name: string;
  readonly description: string;
  validateResource(resource: ResourceUnderTest, reportViolation: (message: string) => void): void;
}

const WORLD = ['0.0.0.0/0', '::/0'];

const statements = (policy: unknown): any[] => {
  const doc = typeof policy === 'string' ? JSON.parse(policy) : policy;
  return [doc?.Statement ?? []].flat();
};

export const STACK_POLICIES: StackPolicy[] = [
  {
    name: 'no-public-ip-on-tasks',
    description: 'ECS services run in private subnets without public IPs',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:ecs/service:Service' && props.networkConfiguration?.assignPublicIp !== false) report('assignPublicIp must be false');
    },
  },
  {
    name: 'no-open-ingress-except-alb-web',
    description: 'only the ALB takes traffic from anywhere, and only on 80 and 443; no all-protocol rule from anywhere',
    validateResource: ({ type, name, props }, report) => {
      if (type === 'aws:ec2/securityGroup:SecurityGroup' && (props.ingress?.length || props.egress?.length)) report('use one rule resource per rule, not inline rules');
      if (type !== 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule') return;
      if (!WORLD.includes(props.cidrIpv4) && !WORLD.includes(props.cidrIpv6)) return;
      if (props.ipProtocol === '-1') report('all-protocol ingress from anywhere');
      else if (!/-alb-in-/.test(name) || ![80, 443].includes(props.fromPort) || props.fromPort !== props.toPort) report(`ingress from anywhere on ${props.fromPort}-${props.toPort}`);
    },
  },
  {
    name: 'encryption-on',
    description: 'tables, repositories and topics are encrypted',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:dynamodb/table:Table' && props.serverSideEncryption?.enabled !== true) report('DynamoDB SSE must be enabled');
      if (type === 'aws:ecr/repository:Repository' && !props.encryptionConfigurations?.length) report('ECR encryption must be set');
      if (type === 'aws:sns/topic:Topic' && !props.kmsMasterKeyId) report('SNS topic must be encrypted');
    },
  },
  {
    name: 'pitr-on',
    description: 'DynamoDB point-in-time recovery is on',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:dynamodb/table:Table' && props.pointInTimeRecovery?.enabled !== true) report('PITR must be enabled');
    },
  },
  {
    name: 'log-retention-set',
    description: 'every log group has a retention',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:cloudwatch/logGroup:LogGroup' && !(props.retentionInDays > 0)) report('retentionInDays must be set');
    },
  },
  {
    name: 'no-wildcard-iam-actions',
    description: 'no wildcard action or resource except textract:AnalyzeExpense (which has no resource scoping); no FullAccess',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment' && /FullAccess|AdministratorAccess/.test(props.policyArn)) report(`managed policy ${props.policyArn}`);
      if (type !== 'aws:iam/rolePolicy:RolePolicy' && type !== 'aws:iam/policy:Policy') return;
      for (const s of statements(props.policy)) {
        const actions: string[] = [s.Action].flat();
        if (actions.some((a) => a.includes('*'))) report(`wildcard action ${actions.join(', ')}`);
        const resources: string[] = [s.Resource].flat();
        if (resources.includes('*') && !(actions.length === 1 && actions[0] === 'textract:AnalyzeExpense')) report(`Resource "*" for ${actions.join(', ')}`);
      }
    },
  },
];

/** Every policy over one resource: the violations, each as "policy: message". */
export function violationsOf(resource: ResourceUnderTest, policies: readonly StackPolicy[] = STACK_POLICIES): string[] {
  const found: string[] = [];
  for (const policy of policies) policy.validateResource(resource, (message) => found.push(`${policy.name}: ${message}`));
  return found;
}
