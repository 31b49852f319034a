import { slackManifest } from '../bot/src/channels/slack/slack-manifest';

// npm run slack:manifest -- https://spendwise.example.com   (or: -- --socket for a laptop app)
const args = process.argv.slice(2);
const socketMode = args.includes('--socket');
const baseUrl = args.find((a) => !a.startsWith('--'));
try {
  process.stdout.write(`${JSON.stringify(slackManifest({ ...(baseUrl ? { baseUrl } : {}), socketMode }), null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: npm run slack:manifest -- <public base URL> | --socket\n`);
  process.exit(2);
}
