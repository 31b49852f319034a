import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  /** The id the mocks gave it: what another resource's input holds when it refers to this one. */
  readonly id: string;
  readonly arn: string;
  readonly inputs: Record<string, any>;
  readonly options: { protect?: boolean; ignoreChanges?: string[]; dependsOn?: string[]; provider?: string };
}

export const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
export const ACCOUNT = '111111111111';
export const CERTIFICATE_ARN = `arn:aws:acm:eu-west-1:${ACCOUNT}:certificate/0b5c2a3e-1f4d-4c6b-9a7e-2d8f1e3c4b5a`;
export const IMAGE = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/spendwise@sha256:${'ab12'.repeat(16)}`;
/** What the SSM parameters hold under the mocks (a test may change it before importing the program). */
export const ssmParameters = new Map<string, string>();

/** A stack file's config as committed (Pulumi.<stack>.yaml), as the strings Pulumi hands the program. */
export function stackFileConfig(stack: string): Record<string, string> {
  const file = parse(readFileSync(resolve(__dirname, `../Pulumi.${stack}.yaml`), 'utf8')) as { config?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(file.config ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/**
 * Records every resource the program registers, with its inputs, under Pulumi's mocks. The program
 * must be imported AFTER this resolves (dynamic import), or its resources register before the mocks.
 * Config defaults to a valid certificate and image; a key given as undefined is left unset.
 */
export async function recordResources(config: Record<string, string | undefined> = {}, stack = 'dev'): Promise<RecordedResource[]> {
  const resources: RecordedResource[] = [];
  const merged = { 'aws:region': 'eu-west-1', 'spendwise:certificateArn': CERTIFICATE_ARN, 'spendwise:image': IMAGE, ...config };
  // A key given as undefined stays unset.
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, string>);
  await pulumi.runtime.setMocks({
    newResource(args) {
      const id = `${args.name}-id`;
      const arn = `arn:aws:${args.type.split(':')[1]!.split('/')[0]}:eu-west-1:${ACCOUNT}:${args.name}`;
      resources.push({ type: args.type, name: args.name, id, arn, inputs: args.inputs, options: {} });
      return {
        id,
        state: { ...args.inputs, arn, versionId: `${args.name}-version`, name: args.inputs.name ?? args.name, bucket: args.inputs.bucket ?? args.name, arnSuffix: `app/${args.name}/1`, dnsName: `${args.name}.elb.example`, repositoryUrl: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${args.name}` },
      };
    },
    call(args) {
      if (args.token === 'aws:index/getAvailabilityZones:getAvailabilityZones') return { names: AZS, zoneIds: AZS };
      if (args.token === 'aws:index/getRegion:getRegion') return { name: 'eu-west-1', region: 'eu-west-1' };
      if (args.token === 'aws:index/getCallerIdentity:getCallerIdentity') return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: 'test' };
      if (args.token === 'aws:ssm/getParameter:getParameter') {
        const value = ssmParameters.get(args.inputs.name);
        if (value === undefined) throw new Error(`ParameterNotFound: ${args.inputs.name}`);
        return { name: args.inputs.name, type: 'String', value, insecureValue: value };
      }
      return args.inputs;
    },
  }, 'spendwise', stack, false);
  return resources;
}

/** Waits until registrations stop arriving: outputs resolve over several turns of the event loop. */
export async function settled(resources: RecordedResource[]): Promise<RecordedResource[]> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((r) => setTimeout(r, 10));
    stable = resources.length === last ? stable + 1 : 0;
    last = resources.length;
  }
  return resources;
}

/** The resources as policies see them: inputs plus the id and ARN other resources refer to them by. */
export const underTest = (resources: RecordedResource[]) =>
  resources.map((r) => ({ type: r.type, name: r.name, id: r.id, props: { ...r.inputs, arn: r.arn } }));

/** Resources of a type, in name order (registration order is not deterministic). */
export const ofType = (resources: RecordedResource[], type: string) =>
  resources.filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name));
export const one = (resources: RecordedResource[], type: string) => {
  const found = ofType(resources, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
};

/**
 * Resource options never reach the mocks; a (legacy) transformation on a component sees its children's
 * options, so tests can assert protect, ignoreChanges and dependsOn. (The newer `transforms` fail under mocks.)
 */
export function recordOptions() {
  const options = new Map<string, pulumi.CustomResourceOptions>();
  const transformations: pulumi.ResourceTransformation[] = [
    (args) => {
      options.set(args.name, args.opts as pulumi.CustomResourceOptions);
      return undefined;
    },
  ];
  return { options, transformations };
}
