import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../bot/src/config/config';
import { registerBackupCommands } from './commands/backup.command';
import { registerDemoCommands } from './commands/demo.command';
import { registerDoctorCommand } from './commands/doctor.command';
import { registerExportImportCommands } from './commands/export-import.command';
import { registerLedgerCommands } from './commands/ledger.command';
import { registerProjectionCommands } from './commands/projections.command';
import { registerSlackCommands } from './commands/slack.command';
import { registerSmokeCommand } from './commands/smoke.command';
import { registerTableCommands } from './commands/table.command';
import { registerTelegramCommands } from './commands/telegram.command';
import { OperationFailed, UsageError } from './ops-context';
import { createOutput, Output } from './output';

/** Exit codes: 0 done, 1 a check or an operation failed, 2 a usage or configuration mistake. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type Action<A extends unknown[]> = (out: Output, ...args: A) => Promise<void>;

/** Every command's action: output by --json, errors to exit codes, secrets never printed. */
export function action<A extends unknown[]>(program: Command, run: Action<A>) {
  return async (...args: A) => {
    const out = createOutput(Boolean(program.opts().json));
    try {
      await run(out, ...args);
    } catch (error) {
      if (error instanceof UsageError || error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT.usage;
      } else if (error instanceof OperationFailed) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT.failed;
      } else {
        process.stderr.write(`failed: ${(error as Error).message}\n`);
        process.exitCode = EXIT.failed;
      }
    }
  };
}

export function opsProgram(): Command {
  const program = new Command('spendwise-ops')
    .description('Check, repair and inspect a Spendwise deployment. Configured by the same environment as the service.')
    .option('--json', 'JSON output for scripts')
    .option('--local', 'use the embedded DynamoDB Local of `npm start` (its data folder)')
    .showHelpAfterError()
    .exitOverride();
  registerDoctorCommand(program);
  registerTableCommands(program);
  registerProjectionCommands(program);
  registerExportImportCommands(program);
  registerBackupCommands(program);
  registerLedgerCommands(program);
  registerTelegramCommands(program);
  registerSlackCommands(program);
  registerSmokeCommand(program);
  registerDemoCommands(program);
  const everywhere = (command: Command): void => command.commands.forEach((c) => (c.exitOverride(), everywhere(c)));
  everywhere(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = opsProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not mistakes; anything else commander refuses is a usage error.
      process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}

if (require.main === module) {
  void main(process.argv);
}
