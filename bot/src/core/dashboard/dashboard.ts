import { dateInZone } from '../calendar/local-date';
import { budgetStatus, BudgetStatus } from '../commands/budgets.command';
import { CoreDeps } from '../core-deps';
import { InboundMessage } from '../conversation/inbound-message';
import { resolveLedger } from '../directory/resolve-ledger';
import { Expense } from '../ledger/expense';
import { LedgerScope } from '../ledger/ledger-id';
import { parsePeriod } from '../reports/period';
import { buildSpendingReport, SpendingReport } from '../reports/spending-report';
import { spendingCharts } from '../reports/report-charts';
import { Chart } from '../charts/chart';
import { ledgerName } from '../conversation/turn';
import { isUserError } from '../user-error';

/** What a dashboard (the Slack App Home) shows of a ledger, as data. */
export interface Dashboard {
  readonly scope: LedgerScope;
  /** This month beside the last. */
  readonly month: SpendingReport;
  readonly budgets: readonly BudgetStatus[];
  /** Newest date first. */
  readonly recent: readonly Expense[];
  /** This month by category, one chart per currency, for dashboards that show images. */
  readonly charts: readonly Chart[];
}

const RECENT = 10;

/** The ledger the message's conversation leads to, as a dashboard: reads only, writes nothing but a first opening. */
export async function buildDashboard(message: InboundMessage, deps: CoreDeps): Promise<Dashboard> {
  const turn = await resolveLedger(message, deps);
  const { head } = await deps.writer.load(turn.ledger, {});
  const today = dateInZone(deps.clock.now(), head.state.settings.timeZone);
  const period = parsePeriod('month', today);
  if (isUserError(period)) throw new Error('the current month is always a period');
  const [current, previous, recent] = await Promise.all([
    deps.totals.totals(turn.ledger, period.from, period.to),
    deps.totals.totals(turn.ledger, period.previous.from, period.previous.to),
    deps.expenses.recent(turn.ledger, RECENT),
  ]);
  const month = buildSpendingReport(period, current, previous);
  return {
    scope: turn.scope,
    month,
    charts: spendingCharts(month, { ledgerName: ledgerName(turn), locale: head.state.settings.locale ?? 'en-US', budgets: [] }),
    budgets: Object.values(head.state.budgets).map((b) => budgetStatus(b, current)).sort((a, b) => a.label.localeCompare(b.label)),
    recent,
  };
}
