import { languageOf } from '../grammar/fold-text';

/**
 * The main replies in the ledger's language (its locale, from the platform or `language <code>`).
 * English always; a language is added by adding its table here, and TypeScript checks it is whole.
 */
export interface Phrases {
  readonly languageName: string;
  readonly recorded: string;
  readonly deleted: string;
  readonly notExpense: string;
  /** Around `help`: before and after. */
  readonly sendHelp: readonly [string, string];
  readonly question: { readonly count: string; readonly implausible: string; readonly farDate: string };
  readonly shouldRecord: string;
  readonly several: string;
  readonly twoExpenses: string;
  record(amount: string): string;
  readonly changeIt: string;
  readonly noneOfThese: string;
  readonly nothingRecorded: string;
  recordedMany(count: number): string;
  readonly undoAll: string;
  readonly undo: string;
  readonly edit: string;
  readonly changeCategory: string;
  readonly languageSet: string;
}

const en: Phrases = {
  languageName: 'English',
  recorded: '✅ Recorded ',
  deleted: '🗑️ Deleted ',
  notExpense: '👋 I keep track of what you spend. Type an expense in one line, like ',
  sendHelp: ['Send ', ' for everything I can do.'],
  question: {
    count: 'Is that number an amount, or does it count something?',
    implausible: 'That amount looks unusual for the currency.',
    farDate: 'That date is far from today.',
  },
  shouldRecord: 'Should I record it?',
  several: 'I found more than one amount. Which one did you spend?',
  twoExpenses: 'That looks like more than one expense. Send each on its own line, or choose the one amount this line is about:',
  record: (amount) => `✅ Record ${amount}`,
  changeIt: '✏️ No, change it',
  noneOfThese: 'None of these',
  nothingRecorded: '👍 Nothing recorded. Type it again the way you meant it, for example ',
  recordedMany: (count) => `✅ Recorded ${count} expenses:`,
  undoAll: 'Undo all',
  undo: 'Undo',
  edit: 'Edit',
  changeCategory: 'Change category',
  languageSet: '🌐 I answer in English from now on.',
};

const vi: Phrases = {
  languageName: 'Tiếng Việt',
  recorded: '✅ Đã ghi ',
  deleted: '🗑️ Đã xóa ',
  notExpense: '👋 Mình giúp bạn ghi lại chi tiêu. Gõ một khoản chi trên một dòng, ví dụ ',
  sendHelp: ['Gửi ', ' để xem mọi thứ mình làm được.'],
  question: {
    count: 'Số đó là số tiền hay là số lượng?',
    implausible: 'Số tiền này có vẻ bất thường với loại tiền tệ này.',
    farDate: 'Ngày này cách hôm nay khá xa.',
  },
  shouldRecord: 'Có ghi lại không?',
  several: 'Mình thấy có nhiều hơn một số tiền. Bạn đã chi khoản nào?',
  twoExpenses: 'Có vẻ đây là nhiều khoản chi. Hãy gửi mỗi khoản trên một dòng, hoặc chọn số tiền của dòng này:',
  record: (amount) => `✅ Ghi ${amount}`,
  changeIt: '✏️ Không, sửa lại',
  noneOfThese: 'Không phải số nào',
  nothingRecorded: '👍 Chưa ghi gì. Gõ lại theo ý bạn, ví dụ ',
  recordedMany: (count) => `✅ Đã ghi ${count} khoản chi:`,
  undoAll: 'Hoàn tác tất cả',
  undo: 'Hoàn tác',
  edit: 'Sửa',
  changeCategory: 'Đổi danh mục',
  languageSet: '🌐 Từ giờ mình sẽ trả lời bằng tiếng Việt.',
};

const es: Phrases = {
  languageName: 'Español',
  recorded: '✅ Registrado ',
  deleted: '🗑️ Eliminado ',
  notExpense: '👋 Llevo la cuenta de lo que gastas. Escribe un gasto en una línea, por ejemplo ',
  sendHelp: ['Envía ', ' para ver todo lo que puedo hacer.'],
  question: {
    count: '¿Ese número es un importe o cuenta algo?',
    implausible: 'Ese importe parece inusual para la moneda.',
    farDate: 'Esa fecha está lejos de hoy.',
  },
  shouldRecord: '¿Lo registro?',
  several: 'Encontré más de un importe. ¿Qué importe gastaste?',
  twoExpenses: 'Parece más de un gasto. Envía cada uno en su propia línea, o elige el importe de esta línea:',
  record: (amount) => `✅ Registrar ${amount}`,
  changeIt: '✏️ No, cambiarlo',
  noneOfThese: 'Ninguno',
  nothingRecorded: '👍 No registré nada. Escríbelo de nuevo como querías, por ejemplo ',
  recordedMany: (count) => `✅ Registré ${count} gastos:`,
  undoAll: 'Deshacer todo',
  undo: 'Deshacer',
  edit: 'Editar',
  changeCategory: 'Cambiar categoría',
  languageSet: '🌐 A partir de ahora respondo en español.',
};

const ru: Phrases = {
  languageName: 'Русский',
  recorded: '✅ Записано ',
  deleted: '🗑️ Удалено ',
  notExpense: '👋 Я веду учёт ваших расходов. Напишите расход одной строкой, например ',
  sendHelp: ['Отправьте ', ', чтобы узнать, что я умею.'],
  question: {
    count: 'Это сумма или количество чего-то?',
    implausible: 'Сумма выглядит необычно для этой валюты.',
    farDate: 'Эта дата далеко от сегодняшнего дня.',
  },
  shouldRecord: 'Записать?',
  several: 'Я нашёл несколько сумм. Какую вы потратили?',
  twoExpenses: 'Похоже, здесь несколько расходов. Отправьте каждый отдельной строкой или выберите сумму для этой строки:',
  record: (amount) => `✅ Записать ${amount}`,
  changeIt: '✏️ Нет, исправить',
  noneOfThese: 'Ничего из этого',
  nothingRecorded: '👍 Ничего не записано. Напишите заново, как вы имели в виду, например ',
  recordedMany: (count) => `✅ Записано расходов: ${count}`,
  undoAll: 'Отменить все',
  undo: 'Отменить',
  edit: 'Изменить',
  changeCategory: 'Сменить категорию',
  languageSet: '🌐 Теперь я отвечаю по-русски.',
};

const BY_LANGUAGE: Readonly<Record<string, Phrases>> = { en, vi, es, ru };

/** The languages replies can be in (English for any other). */
export const REPLY_LANGUAGES = Object.keys(BY_LANGUAGE);

export function phrasesFor(locale: string | undefined): Phrases {
  return BY_LANGUAGE[languageOf(locale) ?? 'en'] ?? en;
}
