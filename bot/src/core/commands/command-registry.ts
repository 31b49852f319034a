import { budgetCommand } from './budget.command';
import { budgetsCommand } from './budgets.command';
import { Command } from './command';
import { editCommand } from './edit.command';
import { addCommand, deleteCommand, undoCommand } from './expense.commands';
import { categoriesCommand, exportCommand, listCommand, reportCommand } from './report.commands';
import { currencyCommand, dateOrderCommand, timezoneCommand } from './settings.commands';

const helpCommand: Command = {
  name: 'help',
  aliases: ['start'],
  usage: 'help',
  summary: 'this list',
  async run() {
    return [{ text: helpText() }];
  },
};

export const COMMANDS: readonly Command[] = [
  addCommand, listCommand, reportCommand, budgetCommand, budgetsCommand, undoCommand, deleteCommand, editCommand,
  exportCommand, currencyCommand, timezoneCommand, dateOrderCommand, categoriesCommand, helpCommand,
];

const BY_NAME = new Map<string, Command>(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [n, c] as const)));

export function findCommand(word: string): Command | undefined {
  return BY_NAME.get(word.toLowerCase());
}

export function helpText(): string {
  return [
    '👋 I keep track of what you spend. Type an expense in one line:',
    '  12.50 lunch #food · coffee 3.2 EUR yesterday · taxi $23 2026-03-04 · 50k pho · ₫120.000 groceries',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}: ${c.summary}`),
  ].join('\n');
}
