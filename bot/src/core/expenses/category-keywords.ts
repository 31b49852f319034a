/**
 * Words that say what kind of spending a description is, in the languages the bot serves, folded
 * (lower case, no accents: fold-text.ts); several words make a phrase ("tien nha", "nasi goreng").
 *
 * A word is listed only when it names one kind of spending nearly always: a wrong category is worse than
 * "other". A word that means something else in another served language is listed under its language only
 * and counts only in ledgers of that language ("pain": French bread, English pain; "courses": French
 * groceries, English lessons; "gas": American petrol, Spanish/German heating gas; "com": Vietnamese rice,
 * Portuguese "with"; "academia": Portuguese gym, Spanish school; "renta": Mexican rent, Spanish income tax
 * in Spain is rarer in chat than rent in Mexico).
 */

export type KeywordCategory = 'food' | 'groceries' | 'transport' | 'housing' | 'utilities' | 'entertainment' | 'health' | 'shopping' | 'travel';
export type KeywordList = Partial<Record<KeywordCategory, readonly string[]>>;

/** The default categories, in the order they are offered. */
export const KEYWORD_CATEGORIES: readonly KeywordCategory[] = ['food', 'groceries', 'transport', 'housing', 'utilities', 'entertainment', 'health', 'shopping', 'travel'];

/** Words that are what they say in every served language: English, brands, and words no other language uses. */
export const EVERYWHERE: KeywordList = {
  food: [
    'lunch', 'dinner', 'breakfast', 'brunch', 'coffee', 'cafe', 'restaurant', 'pho', 'pizza', 'burger', 'sushi', 'snack', 'snacks', 'tea',
    'bakery', 'bread', 'takeaway', 'takeout', 'beer', 'croissant', 'sandwich', 'kebab', 'flat white', 'latte', 'cappuccino', 'espresso', 'chicken rice',
    'mcdonalds', "mcdonald's", 'kfc', 'starbucks', 'ramen', 'noodles', 'doner', 'grabfood', 'gofood', 'shopeefood', 'ifood', 'rappi', 'deliveroo', 'ubereats', 'uber eats',
    'doordash', 'grubhub', 'dunkin', 'donut', 'donuts', 'bagel', 'wine', 'cocktail', 'cocktails', 'phuc long', 'lieferando', 'just eat',
    // vi (phrases of several syllables, which fold to nothing else)
    'bun', 'bun cha', 'bun bo', 'banh mi', 'banh bao', 'ca phe', 'tra sua', 'an sang', 'an trua', 'an toi', 'an vat', 'di an', 'com tam', 'com ga', 'hu tieu', 'banh cuon', 'ga ran', 'tra da', 'tra chanh',
    // es, pt
    'almuerzo', 'comida', 'cena', 'desayuno', 'menu del dia', 'bocadillo', 'tacos', 'taco', 'empanadas', 'empanada', 'restaurante', 'panaderia', 'cerveza', 'cafeteria', 'helado', 'hamburguesa',
    'almoco', 'jantar', 'lanche', 'padaria', 'cafe da manha', 'pao', 'cerveja', 'chopp', 'acai', 'marmita', 'pizzaria',
    // ru
    'обед', 'ужин', 'завтрак', 'кофе', 'кафе', 'ресторан', 'еда', 'еды', 'доставка еды', 'пицца', 'шаверма', 'шаурма', 'пиво', 'столовая', 'суши', 'бургер',
    // id, ms
    'makan', 'makan siang', 'makan malam', 'makan pagi', 'sarapan', 'nasi', 'nasi goreng', 'nasi lemak', 'kopi', 'kopi susu', 'teh', 'teh tarik', 'bakso', 'sate', 'mie ayam', 'mamak', 'mie', 'martabak', 'soto', 'gorengan', 'jajan', 'roti',
    // de, fr
    'mittagessen', 'abendessen', 'fruhstuck', 'kaffee', 'backer', 'backerei', 'brotchen', 'semmel', 'bier', 'imbiss', 'mensa',
    'dejeuner', 'petit-dejeuner', 'petit dejeuner', 'diner', 'boulangerie', 'resto', 'biere', 'petit-dej', 'apero',
  ],
  groceries: [
    'groceries', 'grocery', 'supermarket', 'market', 'aldi', 'lidl', 'tesco', 'walmart', 'costco', 'sainsburys', "sainsbury's", 'asda', 'carrefour', 'migros', 'coop',
    'sieu thi', 'di cho', 'winmart', 'coopmart', 'bach hoa xanh', 'vinmart',
    'mercadona', 'supermercado', 'mercado', 'hortifruti', 'feira', 'verduleria', 'carniceria', 'fruteria', 'oxxo', 'acougue', 'sacolao',
    'продукты', 'продуктов', 'супермаркет', 'пятерочка', 'магнит', 'перекресток', 'ашан', 'вкусвилл', 'продуктовый',
    'indomaret', 'alfamart', 'belanja bulanan', 'belanja dapur', 'barang dapur', 'minyak goreng', 'minyak masak', 'sayur', 'sayuran',
    'lebensmittel', 'supermarkt', 'edeka', 'rewe', 'kaufland', 'denner', 'wocheneinkauf',
    'supermarche', 'auchan', 'leclerc', 'intermarche', 'monoprix', 'franprix', 'marche',
  ],
  transport: [
    'taxi', 'uber', 'grab', 'lyft', 'bus', 'bike', 'train', 'metro', 'subway', 'tram', 'fuel', 'petrol', 'parking', 'ferry', 'gojek', 'cabify', 'didi', 'diesel', 'gas station', 'car wash', 'train ticket', 'bus fare', 'bus ticket',
    'do xang', 'gui xe', 'xe om', 've xe', 'sua xe', 'rua xe', 'phi gui xe',
    'gasolina', 'nafta', 'bencina', 'peaje', 'estacionamiento', 'estacionamento', 'autobus', 'onibus', 'combustivel', 'pedagio', 'gasolinera', 'subte', 'trem',
    'такси', 'бензин', 'заправка', 'метро', 'автобус', 'самокат', 'каршеринг', 'парковка', 'электричка', 'проезд', 'азс', 'поезд',
    'bensin', 'parkir', 'tol', 'krl', 'sewa mobil', 'sewa motor', 'pertalite', 'pertamax', 'ojek', 'ojol', 'mrt', 'transjakarta', 'kereta',
    'tanken', 'tankstelle', 'benzin', 'parken', 'parkhaus', 'bahnticket', 'zugticket', 'zugfahrt', 'fahrkarte', 'bahn', 'deutschlandticket', 'monatskarte', 'u-bahn', 's-bahn',
    'carburant', 'peage', 'navigo', 'sncf', 'tgv', 'gasoil', 'gazole',
  ],
  housing: ['rent', 'mortgage', 'furniture', 'ikea', 'tien nha', 'thue nha', 'tien phong', 'alquiler', 'arriendo', 'aluguel', 'condominio', 'аренда', 'квартира', 'sewa', 'sewa rumah', 'miete', 'loyer', 'ипотека', 'kontrakan', 'kaltmiete', 'warmmiete'],
  utilities: [
    'electricity', 'internet', 'wifi', 'heating', 'utility', 'utilities', 'phone bill', 'gas bill', 'water bill', 'electric bill', 'power bill',
    'tien dien', 'tien nuoc', 'tien mang', 'tien dien thoai',
    'luz', 'квартплата', 'жкх', 'коммуналка', 'электричество', 'интернет', 'связь', 'мобильная связь', 'газ',
    'listrik', 'token listrik', 'pulsa', 'bil elektrik', 'elektrik', 'bil air', 'kuota', 'pdam',
    'strom', 'nebenkosten', 'handyvertrag', 'heizung', 'handyrechnung', 'rundfunkbeitrag',
    'electricite', 'forfait telephone', 'forfait mobile', 'box internet', 'edf',
  ],
  entertainment: [
    'movie', 'movies', 'cinema', 'netflix', 'spotify', 'concert', 'game', 'games', 'theatre', 'theater', 'museum',
    'xem phim', 'karaoke', 'cine', 'museu', 'кино', 'театр', 'концерт', 'nonton', 'bioskop', 'nonton bioskop', 'kino', 'museo', 'musee', 'konzert', 'ingresso', 've xem phim',
  ],
  health: [
    'pharmacy', 'doctor', 'dentist', 'medicine', 'hospital', 'gym', 'clinic', 'prescription', 'medication',
    'kham benh', 'benh vien', 'nha thuoc', 'bac si', 'nha khoa', 'tap gym',
    'farmacia', 'gimnasio', 'dentista', 'remedio', 'medico', 'drogaria',
    'аптека', 'лекарства', 'врач', 'стоматолог', 'спортзал', 'фитнес',
    'obat', 'apotek', 'dokter', 'klinik', 'farmasi',
    'apotheke', 'arzt', 'zahnarzt', 'fitnessstudio',
    'pharmacie', 'medecin', 'dentiste', 'salle de sport',
  ],
  shopping: [
    'clothes', 'shoes', 'amazon', 'shopping', 'gift', 'book', 'books', 'electronics', 'laptop', 'notebook',
    'mua ao', 'quan ao', 'mua sam', 'mua dien thoai', 'shopee', 'lazada', 'tokopedia',
    'regalo', 'ropa', 'zapatos', 'roupa', 'roupas', 'sapato', 'sapatos',
    'подарок', 'подарки', 'одежда', 'ноутбук', 'wildberries', 'ozon', 'обувь',
    'oleh-oleh', 'hadiah', 'baju', 'sepatu', 'kasut',
    'geschenk', 'kleidung', 'schuhe', 'cadeau', 'vetements', 'chaussures',
  ],
  travel: [
    'hotel', 'flight', 'airbnb', 'hostel', 'airport', 'visa',
    'khach san', 've may bay', 'vuelo', 'passagem aerea', 'viagem', 'отель', 'гостиница', 'авиабилеты', 'tiket pesawat', 'pesawat',
    'urlaub', 'flug', 'vacances', 'billet d\'avion', 'avion', 'airfare', 'plane ticket', 'самолет', 'penginapan',
  ],
};

/** Words that are what they say only in one language's ledgers (see the file's note). */
export const ONLY_IN: Readonly<Record<string, KeywordList>> = {
  en: { food: ['bar'], transport: ['gas', 'toll'], housing: ['repair'], utilities: ['water', 'phone', 'mobile'] },
  vi: {
    food: ['com', 'banh', 'tra', 'nhau', 'bia', 'lau', 'chao', 'xoi', 'highlands'],
    groceries: ['cho'],
    transport: ['xang'],
    utilities: ['dien'],
    entertainment: ['phim'],
    health: ['thuoc'],
    shopping: ['ao', 'mua qua'],
  },
  es: { food: ['pan', 'bar'], groceries: ['super', 'compra'], transport: ['micro', 'colectivo'], housing: ['renta'] },
  pt: { food: ['bar'], health: ['academia'], shopping: ['presente'] },
  id: { groceries: ['pasar'], housing: ['kos'] },
  ms: { groceries: ['pasar'], housing: ['kos'], transport: ['minyak'] },
  de: { food: ['essen'] },
  fr: { food: ['pain', 'bar'], groceries: ['courses'], transport: ['essence'], utilities: ['gaz'] },
};

/**
 * Phrases that contain a keyword but are not that kind of spending, so the shorter keyword inside does
 * not count: "điện thoại" (a phone, not electricity), "nước mía" (a drink, not the water bill).
 */
export const NOT_A_CATEGORY: readonly string[] = ['dien thoai', 'nuoc mia', 'bar code', 'book club'];

/** Words that name a kind of spending only when nothing else in the description does ("watch movie": a film). */
export const WEAK: KeywordList = { shopping: ['watch'], transport: ['auto'] };
