import * as pulumi from '@pulumi/pulumi';

export interface StackSettings {
  readonly azCount: number;
  readonly natStrategy: 'single' | 'perAz';
  readonly containerPort: number;
  readonly taskCpu: number;
  readonly taskMemory: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  readonly logRetentionDays: number;
  readonly certificateArn: string;
  /** An image by immutable tag or by digest, pushed by CI; never built by Pulumi. */
  readonly image: string;
  readonly deletionProtection: boolean;
  readonly alarmEmail?: string;
  readonly tableName: string;
}

const RETENTIONS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Reads and checks the stack's configuration; a bad value fails the preview with its key named. */
export function readSettings(config = new pulumi.Config('spendwise')): StackSettings {
  const settings: StackSettings = {
    azCount: config.getNumber('azCount') ?? 2,
    natStrategy: (config.get('natStrategy') ?? 'single') as StackSettings['natStrategy'],
    containerPort: config.getNumber('containerPort') ?? 3000,
    taskCpu: config.getNumber('taskCpu') ?? 256,
    taskMemory: config.getNumber('taskMemory') ?? 512,
    minTasks: config.getNumber('minTasks') ?? 2,
    maxTasks: config.getNumber('maxTasks') ?? 4,
    logRetentionDays: config.getNumber('logRetentionDays') ?? 30,
    certificateArn: config.require('certificateArn'),
    image: config.require('image'),
    deletionProtection: config.getBoolean('deletionProtection') ?? true,
    tableName: config.get('tableName') ?? `spendwise-${pulumi.getStack()}`,
    ...(config.get('alarmEmail') ? { alarmEmail: config.get('alarmEmail')! } : {}),
  };
  const problems: string[] = [];
  if (settings.azCount < 2 || settings.azCount > 6) problems.push('azCount must be 2 to 6');
  if (!['single', 'perAz'].includes(settings.natStrategy)) problems.push('natStrategy must be single or perAz');
  if (settings.minTasks < 2) problems.push('minTasks must be at least 2');
  if (settings.maxTasks < settings.minTasks) problems.push('maxTasks must be at least minTasks');
  if (!RETENTIONS.includes(settings.logRetentionDays)) problems.push(`logRetentionDays must be one of ${RETENTIONS.join(', ')}`);
  if (!/^arn:aws[\w-]*:acm:/.test(settings.certificateArn)) problems.push('certificateArn must be an ACM certificate ARN');
  if (!/[:@]/.test(settings.image.split('/').pop() ?? '')) problems.push('image must name a tag or a digest');
  if (problems.length > 0) throw new Error(`spendwise stack configuration: ${problems.join('; ')}`);
  return settings;
}
