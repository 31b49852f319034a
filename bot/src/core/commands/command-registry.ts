import { bold, code, FormattedText, item, line } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { userError } from '../user-error';
import { budgetCommand } from './budget.command';
import { receiptCommand } from './receipt.command';
import { budgetsCommand } from './budgets.command';
import { chartCommand } from './chart.command';
import { searchCommand } from './search.command';
import { Command } from './command';
import { recurringCommand } from './recurring.command';
import { digestCommand, remindCommand, weekCommand } from './automation.commands';
import { editCommand } from './edit.command';
import { addCommand, deleteCommand, undoCommand } from './expense.commands';
import { categoriesCommand, exportCommand, listCommand, reportCommand } from './report.commands';
import { currencyCommand, dateOrderCommand, languageCommand, timezoneCommand } from './settings.commands';

const helpCommand: Command = {
  name: 'help',
  aliases: ['start'],
  usage: 'help',
  summary: 'this list',
  async run() {
    return [textReply(helpText())];
  },
};

/** `forget me` itself is answered before any ledger is opened (privacy/forget-me); this is for help and menus. */
const forgetCommand: Command = {
  name: 'forget',
  usage: 'forget me',
  summary: 'delete everything I hold about you (asks first)',
  async run() {
    return userError('forget.how', 'To delete everything I hold about you, send "forget me": I ask before anything is deleted.', 'forget me');
  },
};

export const COMMANDS: readonly Command[] = [
  addCommand, listCommand, searchCommand, reportCommand, chartCommand, budgetCommand, budgetsCommand, undoCommand, deleteCommand, editCommand,
  exportCommand, receiptCommand, recurringCommand, digestCommand, remindCommand, currencyCommand, timezoneCommand, dateOrderCommand, weekCommand, languageCommand, categoriesCommand, forgetCommand, helpCommand,
];

const BY_NAME = new Map<string, Command>(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [n, c] as const)));

export function findCommand(word: string): Command | undefined {
  return BY_NAME.get(word.toLowerCase());
}

export function helpText(): FormattedText {
  return [
    line('👋 I keep track of what you spend. Type an expense in one line:'),
    line(code('12.50 lunch #food'), ' · ', code('coffee 3.2 EUR yesterday'), ' · ', code('taxi $23 2026-03-04'), ' · ', code('50k pho'), ' · ', code('₫120.000 groceries')),
    line(bold('Commands:')),
    ...COMMANDS.map((c) => item(code(c.usage), `: ${c.summary}`)),
  ];
}
