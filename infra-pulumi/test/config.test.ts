import * as pulumi from '@pulumi/pulumi';
import { CERTIFICATE_ARN, IMAGE, recordResources } from './mocks';

const noSsm = () => { throw new Error('the SSM parameter is not read when CI passes the image'); };

test('stack configuration is checked: a bad value fails with its key named', async () => {
  await recordResources({ 'spendwise:azCount': '1', 'spendwise:minTasks': '1', 'spendwise:logRetentionDays': '13', 'spendwise:rateLimitPerDay': '-5' });
  const { readSettings } = await import('../config');
  expect(() => readSettings(new pulumi.Config('spendwise'), noSsm)).toThrow(/azCount must be 2 to 6; minTasks must be at least 2; rateLimitPerDay must be a whole number, 0 or more .*; logRetentionDays must be one of .*/);
});

test('a placeholder certificate ARN is refused, and the message says what to set', async () => {
  const { readSettings } = await import('../config');
  for (const arn of ['arn:aws:acm:eu-west-1:111111111111:certificate/replace-me', undefined]) {
    await recordResources({ 'spendwise:certificateArn': arn });
    expect(() => readSettings(new pulumi.Config('spendwise'), noSsm)).toThrow(/certificateArn must be your ACM certificate's ARN .*pulumi config set spendwise:certificateArn/);
  }
});

test('an invalid Fargate cpu/memory pair is refused, naming the setting', async () => {
  const { readSettings } = await import('../config');
  await recordResources({ 'spendwise:taskCpu': '256', 'spendwise:taskMemory': '4096' });
  expect(() => readSettings(new pulumi.Config('spendwise'), noSsm)).toThrow(/taskMemory 4096 is not a Fargate size for taskCpu 256/);
  await recordResources({ 'spendwise:taskCpu': '300' });
  expect(() => readSettings(new pulumi.Config('spendwise'), noSsm)).toThrow(/taskCpu must be one of 256, 512, 1024/);
  await recordResources({ 'spendwise:taskCpu': '1024', 'spendwise:taskMemory': '3072' });
  expect(readSettings(new pulumi.Config('spendwise'), noSsm).taskMemory).toBe(3072);
});

test('a platform is on with all of its secrets or off with none; half is refused', async () => {
  const { readSettings } = await import('../config');
  await recordResources({ 'spendwise:slackBotToken': 'xoxb-1' });
  expect(() => readSettings(new pulumi.Config('spendwise'), noSsm)).toThrow(/slack needs all of spendwise:slackBotToken, spendwise:slackSigningSecret \(pulumi config set --secret\), or none/);
  await recordResources({ 'spendwise:telegramBotToken': '1:a', 'spendwise:telegramWebhookSecret': 'w' });
  expect(Object.keys(readSettings(new pulumi.Config('spendwise'), noSsm).secrets)).toEqual(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);
});

test('the image: CI’s by digest, else the SSM parameter CI writes; a tag, a placeholder or a non-ECR image is refused with what to set', async () => {
  const { checkImage, readSettings } = await import('../config');
  const check = (ref: string) => () => checkImage(ref, 'spendwise:image', '/spendwise/dev/image');
  expect(check(IMAGE)()).toBe(IMAGE);
  expect(check('111111111111.dkr.ecr.eu-west-1.amazonaws.com/spendwise-dev:latest-main')).toThrow(/is not an ECR image by digest/);
  expect(check(`222222222222.dkr.ecr.eu-west-1.amazonaws.com/spendwise-prod@sha256:${'0'.repeat(64)}`)).toThrow(/is a placeholder digest.*aws ssm put-parameter --overwrite --type String --name \/spendwise\/dev\/image/);
  expect(check(`docker.io/library/node@sha256:${'a'.repeat(64)}`)).toThrow(/is not an ECR image by digest/);

  await recordResources({ 'spendwise:image': undefined });
  const asked: string[] = [];
  const settings = readSettings(new pulumi.Config('spendwise'), (name) => { asked.push(name); return pulumi.output(`${IMAGE.slice(0, -4)}beef`); });
  expect(asked).toEqual(['/spendwise/dev/image']);
  expect(await new Promise((r) => settings.image.apply(r))).toBe(`${IMAGE.slice(0, -4)}beef`);
});

test('the committed stack files never name an image (CI and SSM do), and hold secrets only encrypted', async () => {
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  for (const stack of ['dev', 'prod']) {
    const config: Record<string, unknown> = parse(readFileSync(`${__dirname}/../Pulumi.${stack}.yaml`, 'utf8')).config;
    expect(Object.keys(config).filter((k) => /:image$/.test(k))).toEqual([]);
    const secrets = Object.entries(config).filter(([k]) => /Token|Secret/.test(k));
    expect(secrets.filter(([, v]) => typeof (v as { secure?: unknown })?.secure !== 'string')).toEqual([]);
  }
});

test('defaults are the safe ones', async () => {
  await recordResources({ 'spendwise:certificateArn': CERTIFICATE_ARN });
  const { readSettings } = await import('../config');
  expect(readSettings(new pulumi.Config('spendwise'), noSsm)).toMatchObject({
    azCount: 2, natStrategy: 'single', interfaceEndpoints: true, minTasks: 2, deletionProtection: true, containerPort: 3000, tableName: 'spendwise-dev', rolloutTimeoutMinutes: 20,
  });
});
