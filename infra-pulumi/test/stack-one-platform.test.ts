import { IMAGE, RecordedResource, ofType, one, ssmParameters, underTest } from './mocks';
import { recordStack } from './stack-checks';
import { stackViolationsOf } from '../policies/stack-policies';

// Slack's credentials absent, and no image from CI: a manual `pulumi up` from main.
let resources: RecordedResource[];
const deployed = IMAGE.replace(/@sha256:.*/, `@sha256:${'cd34'.repeat(16)}`);

beforeAll(async () => {
  ssmParameters.set('/spendwise/dev/image', deployed);
  ({ resources } = await recordStack('dev', { 'spendwise:slackBotToken': undefined, 'spendwise:slackSigningSecret': undefined, 'spendwise:image': undefined }));
});

test('a platform without credentials is simply off: no secret is created or read for it, so tasks start', () => {
  const [container] = JSON.parse(one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs.containerDefinitions);
  expect(container.secrets.map((s: any) => s.name)).toEqual(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);
  expect(ofType(resources, 'aws:secretsmanager/secret:Secret').map((s) => s.name)).toEqual(['bot-telegram-bot-token', 'bot-telegram-webhook-secret']);
  const readable = JSON.parse(ofType(resources, 'aws:iam/rolePolicy:RolePolicy').find((p) => p.name === 'bot-execution-secrets')!.inputs.policy);
  expect(readable.Statement[0].Resource).toEqual(ofType(resources, 'aws:secretsmanager/secret:Secret').map((s) => s.arn));
  expect(stackViolationsOf(underTest(resources))).toEqual([]);
});

test('without an image from CI, the service runs the image CI last deployed (the SSM parameter), never a file’s placeholder', () => {
  const [container] = JSON.parse(one(resources, 'aws:ecs/taskDefinition:TaskDefinition').inputs.containerDefinitions);
  expect(container.image).toBe(deployed);
});
