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
  /** Several lines in one message, some of which need a look. */
  readonly lines: {
    needLook(count: number): string;
    lineNumber(n: number): string;
    readonly problem: { readonly noAmount: string; readonly several: string; readonly count: string; readonly implausible: string; readonly farDate: string };
    readonly sendThoseRecordOthers: string;
    readonly sendAgain: string;
    recordOthers(count: number): string;
    readonly cancel: string;
  };
  /** Answers to a question's button that cannot be taken. */
  readonly questionExpired: string;
  readonly notYourQuestion: string;
  readonly buttonStale: string;
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
  lines: {
    needLook: (n) => `⚠️ Nothing recorded yet: ${n === 1 ? 'one line needs' : `${n} lines need`} a look.`,
    lineNumber: (n) => `line ${n} `,
    problem: { noAmount: 'no amount', several: 'more than one amount', count: 'the number may count something', implausible: 'an unusual amount for the currency', farDate: 'a date far from today' },
    sendThoseRecordOthers: 'Send those again on their own, and record the others now:',
    sendAgain: 'Send them again, one expense per line.',
    recordOthers: (n) => `✅ Record the other ${n}`,
    cancel: 'Cancel',
  },
  questionExpired: 'That question has expired: type the expense again.',
  notYourQuestion: 'Only the person who wrote that line can answer.',
  buttonStale: 'That button no longer matches the line: type it again.',
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
  lines: {
    needLook: (n) => `⚠️ Chưa ghi gì: ${n} dòng cần xem lại.`,
    lineNumber: (n) => `dòng ${n} `,
    problem: { noAmount: 'không có số tiền', several: 'có nhiều hơn một số tiền', count: 'số này có thể là số lượng', implausible: 'số tiền bất thường với loại tiền tệ', farDate: 'ngày cách hôm nay khá xa' },
    sendThoseRecordOthers: 'Hãy gửi lại riêng những dòng đó, và ghi các dòng còn lại ngay:',
    sendAgain: 'Hãy gửi lại, mỗi khoản chi một dòng.',
    recordOthers: (n) => `✅ Ghi ${n} dòng còn lại`,
    cancel: 'Hủy',
  },
  questionExpired: 'Câu hỏi đó đã hết hạn: hãy gõ lại khoản chi.',
  notYourQuestion: 'Chỉ người viết dòng đó mới trả lời được.',
  buttonStale: 'Nút đó không còn khớp với dòng: hãy gõ lại.',
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
  lines: {
    needLook: (n) => `⚠️ Aún no registré nada: ${n === 1 ? 'una línea necesita' : `${n} líneas necesitan`} revisión.`,
    lineNumber: (n) => `línea ${n} `,
    problem: { noAmount: 'sin importe', several: 'más de un importe', count: 'el número puede contar algo', implausible: 'un importe inusual para la moneda', farDate: 'una fecha lejos de hoy' },
    sendThoseRecordOthers: 'Envía esas de nuevo por separado y registra las demás ahora:',
    sendAgain: 'Envíalas de nuevo, un gasto por línea.',
    recordOthers: (n) => (n === 1 ? '✅ Registrar la otra' : `✅ Registrar las otras ${n}`),
    cancel: 'Cancelar',
  },
  questionExpired: 'Esa pregunta ha caducado: escribe el gasto de nuevo.',
  notYourQuestion: 'Solo quien escribió esa línea puede responder.',
  buttonStale: 'Ese botón ya no corresponde a la línea: escríbela de nuevo.',
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
  lines: {
    needLook: (n) => (n === 1 ? '⚠️ Пока ничего не записано: одну строку нужно проверить.' : `⚠️ Пока ничего не записано: нужно проверить ${n} ${russianLines(n)}.`),
    lineNumber: (n) => `строка ${n} `,
    problem: { noAmount: 'нет суммы', several: 'больше одной суммы', count: 'число может означать количество', implausible: 'необычная сумма для валюты', farDate: 'дата далеко от сегодняшнего дня' },
    sendThoseRecordOthers: 'Отправьте их заново отдельно, а остальные запишите сейчас:',
    sendAgain: 'Отправьте их заново, по одному расходу в строке.',
    recordOthers: (n) => `✅ Записать остальные (${n})`,
    cancel: 'Отмена',
  },
  questionExpired: 'Этот вопрос устарел: напишите расход заново.',
  notYourQuestion: 'Ответить может только тот, кто написал эту строку.',
  buttonStale: 'Эта кнопка больше не соответствует строке: напишите её заново.',
};

/** "строку", "строки" or "строк" after a count (accusative, as after "проверить"). */
function russianLines(n: number): string {
  return { one: 'строку', few: 'строки' }[RUSSIAN_PLURAL.select(n) as string] ?? 'строк';
}
const RUSSIAN_PLURAL = new Intl.PluralRules('ru');

const BY_LANGUAGE: Readonly<Record<string, Phrases>> = { en, vi, es, ru };

/** The languages replies can be in (English for any other). */
export const REPLY_LANGUAGES = Object.keys(BY_LANGUAGE);

export function phrasesFor(locale: string | undefined): Phrases {
  return BY_LANGUAGE[languageOf(locale) ?? 'en'] ?? en;
}
