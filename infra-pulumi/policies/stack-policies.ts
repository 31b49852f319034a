/**
 * Our own policy rules, written as @pulumi/policy `validateResource` functions so a PolicyPack can
 * reuse them as is; tests run them over every resource of the mocked stack.
 */
import { IAM_PATH } from './iam-path';

export interface ResourceUnderTest {
  readonly type: string;
  readonly name: string;
  /** The resource's id, which other resources' inputs hold when they refer to it. */
  readonly id?: string;
  readonly props: Record<string, any>;
}

/** A rule over one resource (`validateResource`) or over the whole stack (`validateStack`), as in @pulumi/policy. */
export interface StackPolicy {
  readonly name: string;
  readonly description: string;
  validateResource?(resource: ResourceUnderTest, reportViolation: (message: string) => void): void;
  validateStack?(resources: readonly ResourceUnderTest[], reportViolation: (message: string) => void): void;
}

const WORLD = ['0.0.0.0/0', '::/0'];

const ALARM = 'aws:cloudwatch/metricAlarm:MetricAlarm';
/** DynamoDB metrics that exist only per {TableName, Operation}. */
const PER_OPERATION = ['ThrottledRequests', 'SystemErrors'];

/** Every metric an alarm watches: its own, or each of its metric-math queries'. */
const metricsOf = (alarm: Record<string, any>): { namespace?: string; metricName?: string; dimensions?: Record<string, unknown> }[] =>
  alarm.metricName ? [alarm] : (alarm.metricQueries ?? []).flatMap((q: any) => (q.metric ? [q.metric] : []));

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
  {
    name: 'alarms-reach-people',
    description: 'an encrypted SNS topic uses a key of this stack whose policy lets CloudWatch publish (never alias/aws/sns); every alarm notifies',
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:sns/topic:Topic' && /^alias\/aws\//.test(props.kmsMasterKeyId ?? '')) report(`CloudWatch cannot publish with the AWS-managed ${props.kmsMasterKeyId}`);
      if (type === ALARM && !props.alarmActions?.length) report('alarm without actions');
    },
    validateStack: (resources, report) => {
      const keys = resources.filter((r) => r.type === 'aws:kms/key:Key');
      for (const topic of resources.filter((r) => r.type === 'aws:sns/topic:Topic' && r.props.kmsMasterKeyId)) {
        const key = keys.find((k) => [k.id, k.props.arn].includes(topic.props.kmsMasterKeyId));
        const grants = key ? statements(key.props.policy).filter((st) => st.Effect === 'Allow' && [st.Principal?.Service].flat().includes('cloudwatch.amazonaws.com')).flatMap((st) => [st.Action].flat()) : [];
        if (!grants.includes('kms:GenerateDataKey*') || !grants.includes('kms:Decrypt')) report(`topic ${topic.name}: its key must let cloudwatch.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt`);
      }
    },
  },
  {
    name: 'alarms-can-fire',
    description: 'DynamoDB ThrottledRequests and SystemErrors are watched per Operation; every ALB has an alarm on its own 5xx (HTTPCode_ELB_5XX_Count)',
    validateResource: ({ type, props }, report) => {
      if (type !== ALARM) return;
      for (const metric of metricsOf(props)) {
        if (metric.namespace === 'AWS/DynamoDB' && PER_OPERATION.includes(metric.metricName ?? '') && !metric.dimensions?.Operation) {
          report(`${metric.metricName} exists only per {TableName, Operation}: this alarm watches nothing`);
        }
      }
    },
    validateStack: (resources, report) => {
      const albs = resources.filter((r) => r.type === 'aws:lb/loadBalancer:LoadBalancer').length;
      const elb5xx = resources.filter((r) => r.type === ALARM && metricsOf(r.props).some((m) => m.metricName === 'HTTPCode_ELB_5XX_Count')).length;
      if (elb5xx < albs) report(`${albs} load balancer(s), ${elb5xx} HTTPCode_ELB_5XX_Count alarm(s)`);
    },
  },
  {
    name: 'rollouts-fail-the-deploy',
    description: 'ECS services make `pulumi up` wait for a steady state, with a circuit breaker that rolls back',
    validateResource: ({ type, props }, report) => {
      if (type !== 'aws:ecs/service:Service') return;
      if (props.waitForSteadyState !== true) report('waitForSteadyState must be true, or a failed rollout passes the pipeline');
      if (props.deploymentCircuitBreaker?.rollback !== true) report('the circuit breaker must roll back');
    },
  },
  {
    name: 'secrets-have-values',
    description: 'every Secrets Manager secret gets its value in the stack: ECS cannot start a task whose secret has none',
    validateStack: (resources, report) => {
      const valued = new Set(resources.filter((r) => r.type === 'aws:secretsmanager/secretVersion:SecretVersion').map((r) => r.props.secretId));
      for (const secret of resources.filter((r) => r.type === 'aws:secretsmanager/secret:Secret')) {
        if (!valued.has(secret.id)) report(`secret ${secret.name} has no SecretVersion`);
      }
    },
  },
  {
    name: 'roles-under-stack-path',
    description: `the stack's roles live under ${IAM_PATH}, the only path its deploy role may manage`,
    validateResource: ({ type, props }, report) => {
      if (type === 'aws:iam/role:Role' && props.path !== IAM_PATH) report(`role path ${props.path ?? '/'} is not ${IAM_PATH}`);
    },
  },
  {
    name: 'service-trust-scoped',
    description: 'a role a VPC service assumes is trusted only for this account (aws:SourceAccount)',
    validateResource: ({ type, props }, report) => {
      if (type !== 'aws:iam/role:Role') return;
      for (const s of statements(props.assumeRolePolicy)) {
        if ([s.Principal?.Service].flat().includes('vpc-flow-logs.amazonaws.com') && !s.Condition?.StringEquals?.['aws:SourceAccount']) report('vpc-flow-logs trust without aws:SourceAccount');
      }
    },
  },
  {
    name: 'prod-image-never-expires',
    description: 'no ECR lifecycle rule counts every tag (tagStatus any): only prefixed images expire, prod- first',
    validateResource: ({ type, props }, report) => {
      if (type !== 'aws:ecr/lifecyclePolicy:LifecyclePolicy') return;
      const rules: any[] = JSON.parse(props.policy).rules;
      if (rules.some((r) => r.selection.tagStatus === 'any')) report('a rule over any tag can expire the image prod runs');
      const first = [...rules].sort((a, b) => a.rulePriority - b.rulePriority)[0];
      if (!first?.selection.tagPrefixList?.includes('prod-')) report('the prod- rule must come first');
    },
  },
  {
    name: 'github-trust-exact',
    description: 'a role GitHub Actions assumes trusts the sts audience and exact subjects of one repository; a role that may write trusts only GitHub Environments',
    validateResource: ({ type, props }, report) => {
      if (type !== 'aws:iam/role:Role') return;
      for (const s of statements(props.assumeRolePolicy).filter((st) => st.Action === 'sts:AssumeRoleWithWebIdentity')) {
        const exact = s.Condition?.StringEquals ?? {};
        if (Object.keys(s.Condition ?? {}).some((k) => k !== 'StringEquals')) report('GitHub trust must match exactly (StringEquals only)');
        if (exact['token.actions.githubusercontent.com:aud'] !== 'sts.amazonaws.com') report('GitHub trust without the sts.amazonaws.com audience');
        const subjects: string[] = [exact['token.actions.githubusercontent.com:sub'] ?? []].flat();
        if (subjects.length === 0 || subjects.some((sub) => !/^repo:[\w.-]+\/[\w.-]+:[^*]+$/.test(sub))) report(`GitHub trust subjects ${JSON.stringify(subjects)} are not exact subjects of one repository`);
        if (new Set(subjects.map((sub) => sub.split(':')[1])).size > 1) report('GitHub trust spans repositories');
      }
    },
    validateStack: (resources, report) => {
      const readOnly = /^(s3:(Get|List)|kms:Decrypt$|kms:GenerateDataKey$|ssm:GetParameter$|ec2:Describe)/;
      for (const role of resources.filter((r) => r.type === 'aws:iam/role:Role')) {
        const subjects: string[] = statements(role.props.assumeRolePolicy).filter((st) => st.Action === 'sts:AssumeRoleWithWebIdentity')
          .flatMap((st) => [st.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub'] ?? []].flat());
        if (subjects.length === 0 || subjects.every((sub) => sub.includes(':environment:'))) continue;
        const writes = resources.filter((r) => r.type === 'aws:iam/rolePolicy:RolePolicy' && r.props.role === role.id)
          .flatMap((r) => statements(r.props.policy))
          .filter((st) => !(st.Sid === 'LockState' && [st.Resource].flat().every((res: string) => res.endsWith('/.pulumi/locks/*'))))
          .flatMap((st) => [st.Action].flat()).filter((a: string) => !readOnly.test(a));
        if (writes.length > 0) report(`role ${role.name} is trusted outside a GitHub Environment (${subjects.join(', ')}) and may ${writes.join(', ')}`);
      }
    },
  },
];

/** Every per-resource policy over one resource: the violations, each as "policy: message". */
export function violationsOf(resource: ResourceUnderTest, policies: readonly StackPolicy[] = STACK_POLICIES): string[] {
  const found: string[] = [];
  for (const policy of policies) policy.validateResource?.(resource, (message) => found.push(`${policy.name}: ${message}`));
  return found;
}

/** Every policy over a whole stack: each resource's violations, then the stack's. */
export function stackViolationsOf(resources: readonly ResourceUnderTest[], policies: readonly StackPolicy[] = STACK_POLICIES): string[] {
  const found = resources.flatMap((r) => violationsOf(r, policies).map((v) => `${r.type} ${r.name}: ${v}`));
  for (const policy of policies) policy.validateStack?.(resources, (message) => found.push(`${policy.name}: ${message}`));
  return found;
}
