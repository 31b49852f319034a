import { loadChatCorpus } from '../../../../bench/corpus/chat-corpus';
import { categoryFromKeywords, DEFAULT_CATEGORIES } from './categories';

describe('given a description in one of the served languages', () => {
  test.each([
    ['en-US', 'Lunch with Sam', 'food'], ['en-US', 'spent on groceries', 'groceries'], ['en-US', 'gas', 'transport'], ['en-GB', 'train to Leeds', 'transport'],
    ['vi-VN', 'phở', 'food'], ['vi-VN', 'bún chả', 'food'], ['vi-VN', 'cơm tấm', 'food'], ['vi-VN', 'mua 2 ly cà phê', 'food'], ['vi-VN', 'xăng', 'transport'],
    ['vi-VN', 'đổ xăng', 'transport'], ['vi-VN', 'grab', 'transport'], ['vi-VN', 'tiền nhà tháng 11', 'housing'], ['vi-VN', 'tiền điện', 'utilities'],
    ['vi-VN', 'điện', 'utilities'], ['vi-VN', 'đi chợ', 'groceries'], ['vi-VN', 'khám bệnh', 'health'], ['vi-VN', 'xem phim', 'entertainment'],
    ['es-ES', 'almuerzo', 'food'], ['es-MX', 'comida', 'food'], ['es-ES', 'cena', 'food'], ['es-AR', 'nafta', 'transport'], ['es-ES', 'gasolina', 'transport'],
    ['es-MX', 'renta', 'housing'], ['es-ES', 'alquiler', 'housing'], ['es-MX', 'súper', 'groceries'], ['es-ES', 'menú del día', 'food'],
    ['pt-BR', 'almoço', 'food'], ['pt-BR', 'jantar', 'food'], ['pt-BR', 'mercado', 'groceries'], ['pt-BR', 'aluguel', 'housing'],
    ['pt-BR', 'condomínio', 'housing'], ['pt-BR', 'uber', 'transport'], ['pt-BR', 'academia', 'health'], ['pt-BR', 'passagem aérea', 'travel'],
    ['ru-RU', 'такси', 'transport'], ['ru-RU', 'продукты', 'groceries'], ['ru-RU', 'обед', 'food'], ['ru-RU', 'кофе', 'food'], ['ru-RU', 'аренда', 'housing'],
    ['ru-RU', 'бензин', 'transport'], ['ru-RU', 'Пятёрочка', 'groceries'], ['ru-RU', 'ЖКХ', 'utilities'],
    ['id-ID', 'makan', 'food'], ['id-ID', 'nasi goreng', 'food'], ['id-ID', 'kopi', 'food'], ['id-ID', 'bensin', 'transport'], ['id-ID', 'sewa', 'housing'],
    ['id-ID', 'listrik', 'utilities'], ['id-ID', 'sewa mobil', 'transport'], ['ms-MY', 'minyak', 'transport'], ['ms-MY', 'oleh-oleh', 'shopping'],
    ['de-DE', 'Mittagessen', 'food'], ['de-DE', 'Kaffee', 'food'], ['de-DE', 'Miete', 'housing'], ['de-DE', 'Tanken', 'transport'], ['de-DE', 'Lebensmittel', 'groceries'],
    ['de-DE', 'Döner', 'food'], ['de-DE', 'Brötchen', 'food'],
    ['fr-FR', 'déjeuner', 'food'], ['fr-FR', 'courses', 'groceries'], ['fr-FR', 'loyer', 'housing'], ['fr-FR', 'essence', 'transport'], ['fr-FR', 'salle de sport', 'health'],
    ['fr-FR', 'forfait téléphone', 'utilities'], ['fr-FR', 'pain', 'food'],
  ])('when a %s ledger reads "%s", then the category is %s', (locale, description, category) => {
    expect(categoryFromKeywords(description, locale)).toBe(category);
  });

  test('when accents and case differ from the list, then the word is still known ("PHO", "cafe", "Cà Phê", "ALMOCO")', () => {
    expect(categoryFromKeywords('PHO', 'vi')).toBe('food');
    expect(categoryFromKeywords('Cà Phê sữa đá', 'vi')).toBe('food');
    expect(categoryFromKeywords('ALMOCO', 'pt')).toBe('food');
    expect(categoryFromKeywords('electricite', 'fr')).toBe('utilities');
  });

  test('when a keyword is a plural, then its singular counts ("2 coffees", "2 cafés", "tacos")', () => {
    expect(categoryFromKeywords('2 coffees', 'en')).toBe('food');
    expect(categoryFromKeywords('2 cafés', 'fr')).toBe('food');
    expect(categoryFromKeywords('team lunches', 'en')).toBe('food');
    expect(categoryFromKeywords('buses', 'en')).toBe('transport');
    expect(categoryFromKeywords('gases', 'es')).toBeUndefined();
  });

  test('when the first keyword in the description names a category, then it wins', () => {
    expect(categoryFromKeywords('uber to the restaurant', 'en')).toBe('transport');
    expect(categoryFromKeywords('pedido 4521 ifood', 'pt')).toBe('food');
  });
});

describe('given words that are not, or not only, a kind of spending', () => {
  test('when a keyword is only part of a word, then it does not count ("Gasthaus", "barbershop", "taxidermy")', () => {
    expect(categoryFromKeywords('Gasthaus', 'en')).toBeUndefined();
    expect(categoryFromKeywords('barbershop', 'en')).toBeUndefined();
    expect(categoryFromKeywords('taxidermy', 'en')).toBeUndefined();
  });

  test.each([
    ['de-DE', 'hier bar bezahlt', 'German "bar" is cash'],
    ['en-US', 'pain killers', 'English "pain"'],
    ['en-GB', 'courses', 'English "courses" are lessons'],
    ['es-ES', 'gas', 'Spanish "gas" is heating gas, not petrol'],
    ['pt-BR', 'uma com', 'Portuguese "com" is "with", Vietnamese "cơm" is rice'],
    ['es-ES', 'academia de inglés', 'Spanish "academia" is a school'],
    ['de-DE', 'kos', 'Indonesian/Malay boarding house; nothing in German'],
    ['en-US', 'Order 12345', 'no word'],
    ['es-CL', 'completo', 'Chilean hot dog, but "pago completo" is a full payment'],
  ])('when a %s ledger reads "%s", then no category is guessed (%s)', (locale, description) => {
    expect(categoryFromKeywords(description, locale)).toBeUndefined();
  });

  test('when a phrase contains a keyword but means something else, then the keyword inside does not count', () => {
    expect(categoryFromKeywords('mua điện thoại', 'vi')).toBe('shopping');
    expect(categoryFromKeywords('điện thoại', 'vi')).toBeUndefined(); // a phone: bought or a bill? not electricity
    expect(categoryFromKeywords('nước mía', 'vi')).toBeUndefined();
  });

  test('when a weak word is the only keyword, then it counts; beside a strong one, the strong one wins', () => {
    expect(categoryFromKeywords('watch', 'en')).toBe('shopping');
    expect(categoryFromKeywords('watch movie', 'en')).toBe('entertainment');
  });

  test('when no locale is known, then English words count as before', () => {
    expect(categoryFromKeywords('gas')).toBe('transport');
    expect(categoryFromKeywords('pain')).toBeUndefined();
    expect(categoryFromKeywords('phở')).toBe('food');
  });

  test('the default categories are offered in a stable order, other last', () => {
    expect(DEFAULT_CATEGORIES).toEqual(['food', 'groceries', 'transport', 'housing', 'utilities', 'entertainment', 'health', 'shopping', 'travel', 'other']);
  });
});

describe('given the chat corpus (bench/corpus/chat-lines.json)', () => {
  const corpus = loadChatCorpus();
  const lines = corpus.entries.flatMap((entry) =>
    entry.expected.kind === 'expense' && !entry.text.includes('#') ? [{ entry, expected: entry.expected }] : []);

  test('when each expected description is read in its ledger, then no category is wrong (a miss is "other", never a wrong guess)', () => {
    const wrong = lines
      .map(({ entry, expected }) => ({ text: entry.text, expected: expected.category, got: categoryFromKeywords(expected.description, entry.ledger.locale) }))
      .filter(({ expected, got }) => got !== undefined && got !== expected);
    expect(wrong).toEqual([]);
  });

  test('when each expected description is read in its ledger, then at least 95% get their expected category', () => {
    const right = lines.filter(({ entry, expected }) => (categoryFromKeywords(expected.description, entry.ledger.locale) ?? null) === expected.category);
    expect(right.length / lines.length).toBeGreaterThanOrEqual(0.95);
  });
});
