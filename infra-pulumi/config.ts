import * as pulumi from '@pulumi/pulumi';

/** Each chat platform's secrets, as the container's variables; a platform whose secrets are not set is off. */
export const PLATFORM_SECRETS = {
  slack: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
  telegram: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'],
} as const;
export type BotSecretName = (typeof PLATFORM_SECRETS)[keyof typeof PLATFORM_SECRETS][number];

/** The stack config key that holds a container secret: SLACK_BOT_TOKEN → slackBotToken. */
export const secretConfigKey = (name: BotSecretName) =>
  name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export interface StackSettings {
  readonly azCount: number;
  readonly natStrategy: 'single' | 'perAz';
  /** Interface endpoints keep AWS API calls off the NAT; a dev stack may do without them to save ~$70/month. */
  readonly interfaceEndpoints: boolean;
  readonly containerPort: number;
  readonly taskCpu: number;
  readonly taskMemory: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  readonly logRetentionDays: number;
  /** Writes a person (or a group) may make: the bot's RATE_LIMIT_PER_MINUTE / RATE_LIMIT_PER_DAY; 0 is off. */
  readonly rateLimitPerMinute: number;
  readonly rateLimitPerDay: number;
  readonly certificateArn: string;
  /** An image by digest: CI's for this run (`spendwise:image`), else the one CI last deployed (SSM). */
  readonly image: pulumi.Output<string>;
  readonly deletionProtection: boolean;
  /** How long `pulumi up` waits for the service to become steady before it fails. */
  readonly rolloutTimeoutMinutes: number;
  readonly alarmEmail?: string;
  readonly tableName: string;
  /** The secrets of the platforms that are on, from `pulumi config set --secret`. */
  readonly secrets: Partial<Record<BotSecretName, pulumi.Output<string>>>;
}

const RETENTIONS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Fargate's valid task sizes (ARM64 and x86): cpu units → memory MiB allowed. */
const FARGATE_MEMORY: Record<number, (memory: number) => boolean> = {
  256: (m) => [512, 1024, 2048].includes(m),
  512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
  8192: (m) => m >= 16384 && m <= 61440 && m % 4096 === 0,
  16384: (m) => m >= 32768 && m <= 122880 && m % 8192 === 0,
};

const CERTIFICATE_ARN = /^arn:aws[\w-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IMAGE_BY_DIGEST = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._/-]+@sha256:[0-9a-f]{64}$/;

/** The SSM parameter CI writes after each successful deploy of a stack: the image that stack runs. */
export const imageParameterName = (stack: string) => `/spendwise/${stack}/image`;

/**
 * An image reference the service may run: an ECR image by digest, not a placeholder. The message says
 * what to set, because a wrong image only shows as tasks that never start.
 */
export function checkImage(ref: string, source: string, parameter: string): string {
  const problem = !IMAGE_BY_DIGEST.test(ref)
    ? 'is not an ECR image by digest (<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>)'
    : /@sha256:0{64}$/.test(ref) ? 'is a placeholder digest' : undefined;
  if (!problem) return ref;
  throw new Error(`spendwise stack configuration: the image ${JSON.stringify(ref)} from ${source} ${problem}. `
    + `CI passes spendwise:image and records it in the SSM parameter ${parameter} after each deploy; by hand: `
    + `aws ssm put-parameter --overwrite --type String --name ${parameter} --value <repository>@sha256:<digest>`);
}

/** Reads and checks the stack's configuration; a bad value fails the preview with its key named. */
export function readSettings(
  config = new pulumi.Config('spendwise'),
  readParameter: (name: string) => pulumi.Output<string> = () => { throw new Error('no SSM reader'); },
): StackSettings {
  const stack = pulumi.getStack();
  const problems: string[] = [];
  const certificateArn = config.get('certificateArn') ?? '';
  const secrets: StackSettings['secrets'] = {};
  for (const [platform, names] of Object.entries(PLATFORM_SECRETS)) {
    const values = names.map((n) => config.getSecret(secretConfigKey(n)));
    if (values.every((v) => v === undefined)) continue;
    if (values.some((v) => v === undefined)) {
      problems.push(`${platform} needs all of ${names.map((n) => `spendwise:${secretConfigKey(n)}`).join(', ')} (pulumi config set --secret), or none to leave it off`);
      continue;
    }
    names.forEach((n, i) => { secrets[n] = values[i]!; });
  }
  const stackImageParameter = imageParameterName(stack);
  const configImage = config.get('image');
  const settings: StackSettings = {
    azCount: config.getNumber('azCount') ?? 2,
    natStrategy: (config.get('natStrategy') ?? 'single') as StackSettings['natStrategy'],
    interfaceEndpoints: config.getBoolean('interfaceEndpoints') ?? true,
    containerPort: config.getNumber('containerPort') ?? 3000,
    taskCpu: config.getNumber('taskCpu') ?? 256,
    taskMemory: config.getNumber('taskMemory') ?? 512,
    minTasks: config.getNumber('minTasks') ?? 2,
    maxTasks: config.getNumber('maxTasks') ?? 4,
    logRetentionDays: config.getNumber('logRetentionDays') ?? 30,
    rateLimitPerMinute: config.getNumber('rateLimitPerMinute') ?? 30,
    rateLimitPerDay: config.getNumber('rateLimitPerDay') ?? 2000,
    certificateArn,
    image: configImage !== undefined
      ? pulumi.output(checkImage(configImage, 'spendwise:image', stackImageParameter))
      : readParameter(stackImageParameter).apply((ref) => checkImage(ref, `SSM parameter ${stackImageParameter}`, stackImageParameter)),
    deletionProtection: config.getBoolean('deletionProtection') ?? true,
    rolloutTimeoutMinutes: config.getNumber('rolloutTimeoutMinutes') ?? 20,
    tableName: config.get('tableName') ?? `spendwise-${stack}`,
    secrets,
    ...(config.get('alarmEmail') ? { alarmEmail: config.get('alarmEmail')! } : {}),
  };
  if (settings.azCount < 2 || settings.azCount > 6) problems.push('azCount must be 2 to 6');
  if (!['single', 'perAz'].includes(settings.natStrategy)) problems.push('natStrategy must be single or perAz');
  if (!FARGATE_MEMORY[settings.taskCpu]) problems.push(`taskCpu must be one of ${Object.keys(FARGATE_MEMORY).join(', ')} (Fargate CPU units)`);
  else if (!FARGATE_MEMORY[settings.taskCpu]!(settings.taskMemory)) problems.push(`taskMemory ${settings.taskMemory} is not a Fargate size for taskCpu ${settings.taskCpu}`);
  if (settings.minTasks < 2) problems.push('minTasks must be at least 2');
  if (settings.maxTasks < settings.minTasks) problems.push('maxTasks must be at least minTasks');
  for (const key of ['rateLimitPerMinute', 'rateLimitPerDay'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 0) problems.push(`${key} must be a whole number, 0 or more (0 turns the limit off)`);
  }
  if (!RETENTIONS.includes(settings.logRetentionDays)) problems.push(`logRetentionDays must be one of ${RETENTIONS.join(', ')}`);
  if (!CERTIFICATE_ARN.test(certificateArn)) {
    problems.push('certificateArn must be your ACM certificate\'s ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>): '
      + 'pulumi config set spendwise:certificateArn <arn>');
  }
  if (!(settings.rolloutTimeoutMinutes >= 5 && settings.rolloutTimeoutMinutes <= 60)) problems.push('rolloutTimeoutMinutes must be 5 to 60');
  if (problems.length > 0) throw new Error(`spendwise stack configuration: ${problems.join('; ')}`);
  if (Object.keys(secrets).length === 0) pulumi.log.warn('spendwise: no platform secrets are set, so Slack and Telegram are both off');
  return settings;
}
