import * as pulumi from '@pulumi/pulumi';
import { StateBackend } from './state-backend';

// Its own project because a backend cannot hold its own state: run once with `pulumi login --local`.
const backend = new StateBackend('state', { keyAlias: `spendwise-pulumi-${pulumi.getStack()}` });

export const backendUrl = pulumi.interpolate`s3://${backend.bucketName}`;
export const loginCommand = pulumi.interpolate`pulumi login s3://${backend.bucketName}`;
export const secretsProvider = pulumi.interpolate`awskms://${backend.keyAliasName}`;
export const stackInitExample = pulumi.interpolate`pulumi stack init prod --secrets-provider awskms://${backend.keyAliasName}`;
