import * as pulumi from '@pulumi/pulumi';
import { CERTIFICATE_ARN, RecordedResource, recordResources, settled, stackFileConfig } from './mocks';

/** What the mocked program registered, and the options each custom resource got. */
export interface RecordedStack {
  readonly resources: RecordedResource[];
  readonly options: Map<string, pulumi.CustomResourceOptions>;
  readonly program: Record<string, pulumi.Output<unknown>>;
}

/**
 * Runs the program under mocks with the stack file as committed, plus what an operator sets before the
 * first deploy (the certificate, the platforms' secrets) and what CI passes (the image), unless `extra`
 * says otherwise. A value of `undefined` in `extra` leaves that key unset.
 */
export async function recordStack(stack: 'dev' | 'prod', extra: Record<string, string | undefined> = {}): Promise<RecordedStack> {
  const file = stackFileConfig(stack);
  const operator: Record<string, string | undefined> = {
    // The file's own certificate once an operator has committed it (so a placeholder there fails here).
    'spendwise:certificateArn': file['spendwise:certificateArn'] ?? CERTIFICATE_ARN,
    'spendwise:slackBotToken': 'xoxb-1-2-test',
    'spendwise:slackSigningSecret': 'signing-test',
    'spendwise:telegramBotToken': '123:test',
    'spendwise:telegramWebhookSecret': 'webhook-test',
    ...extra,
  };
  const resources = await recordResources({ ...file, ...operator }, stack);
  const options = new Map<string, pulumi.CustomResourceOptions>();
  // Run the program in a root stack, as `pulumi up` does, so a (legacy) stack transformation sees every
  // resource's options under mocks (the newer transforms do not run there).
  const program = await new Promise<Record<string, pulumi.Output<unknown>>>((loaded, failed) => {
    void pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        options.set(args.name, args.opts as pulumi.CustomResourceOptions);
        return undefined;
      });
      try {
        loaded((await import('../index')) as unknown as Record<string, pulumi.Output<unknown>>);
      } catch (error) {
        failed(error);
      }
      return {};
    });
  });
  await settled(resources);
  return { resources, options, program };
}

export const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply(done));

/** The AWS service (IAM's prefix) each provider module's resources belong to. */
export const SERVICE_OF_MODULE: Record<string, string> = {
  ec2: 'ec2', vpc: 'ec2', lb: 'elasticloadbalancing', ecs: 'ecs', appautoscaling: 'application-autoscaling',
  sns: 'sns', kms: 'kms', dynamodb: 'dynamodb', s3: 's3', secretsmanager: 'secretsmanager', iam: 'iam',
};
export const serviceOf = (type: string) => {
  if (type === 'aws:cloudwatch/logGroup:LogGroup') return 'logs';
  if (type.startsWith('aws:cloudwatch/')) return 'cloudwatch';
  return SERVICE_OF_MODULE[type.split(':')[1]!.split('/')[0]!] ?? `unknown module in ${type}`;
};
