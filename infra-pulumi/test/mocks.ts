import * as pulumi from '@pulumi/pulumi';

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly options: { protect?: boolean; ignoreChanges?: string[]; dependsOn?: string[]; provider?: string };
}

export const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

/**
 * Records every resource the program registers, with its inputs, under Pulumi's mocks. The program
 * must be imported AFTER this resolves (dynamic import), or its resources register before the mocks.
 */
export async function recordResources(config: Record<string, string> = {}, stack = 'dev'): Promise<RecordedResource[]> {
  const resources: RecordedResource[] = [];
  pulumi.runtime.setAllConfig({
    'aws:region': 'eu-west-1',
    'spendwise:certificateArn': 'arn:aws:acm:eu-west-1:111111111111:certificate/test',
    'spendwise:image': '111111111111.dkr.ecr.eu-west-1.amazonaws.com/spendwise:abc123',
    ...config,
  });
  await pulumi.runtime.setMocks({
    newResource(args) {
      resources.push({ type: args.type, name: args.name, inputs: args.inputs, options: {} });
      const arn = `arn:aws:${args.type.split(':')[1]!.split('/')[0]}:eu-west-1:111111111111:${args.name}`;
      return {
        id: `${args.name}-id`,
        state: { ...args.inputs, arn, name: args.inputs.name ?? args.name, bucket: args.inputs.bucket ?? args.name, arnSuffix: `app/${args.name}/1`, dnsName: `${args.name}.elb.example`, repositoryUrl: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${args.name}` },
      };
    },
    call(args) {
      if (args.token === 'aws:index/getAvailabilityZones:getAvailabilityZones') return { names: AZS, zoneIds: AZS };
      if (args.token === 'aws:index/getRegion:getRegion') return { name: 'eu-west-1', region: 'eu-west-1' };
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
