/** Categories are lower-case words; "#Food" and "food" are the same category. */
export type Category = string & { readonly __brand: 'Category' };

export const FALLBACK_CATEGORY = 'other' as Category;

/** Letters (with their marks), digits and emoji, in any script: #food, #продукты, #🍕. At most 32 code points. */
const CATEGORY_CHAR = String.raw`\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f`;
const CATEGORY_PATTERN = new RegExp(`^[${CATEGORY_CHAR}][${CATEGORY_CHAR}_-]{0,31}$`, 'u');

export function toCategory(input: string): Category | undefined {
  const name = input.replace(/^#/, '').toLowerCase();
  return CATEGORY_PATTERN.test(name) ? (name as Category) : undefined;
}

/** Words that say what kind of spending a description is, when the ledger has no history for it. */
const KEYWORDS: Record<string, string[]> = {
  food: ['lunch', 'dinner', 'breakfast', 'brunch', 'coffee', 'cafe', 'café', 'restaurant', 'pho', 'phở', 'pizza', 'burger', 'sushi', 'snack', 'tea', 'bakery', 'bread', 'takeaway', 'bar', 'beer'],
  groceries: ['groceries', 'grocery', 'supermarket', 'market', 'aldi', 'lidl', 'tesco', 'walmart', 'costco'],
  transport: ['taxi', 'uber', 'grab', 'lyft', 'bus', 'train', 'metro', 'subway', 'tram', 'fuel', 'petrol', 'gas', 'parking', 'toll', 'ferry', 'bike'],
  housing: ['rent', 'mortgage', 'furniture', 'ikea', 'repair'],
  utilities: ['electricity', 'water', 'internet', 'phone', 'mobile', 'wifi', 'heating', 'utility', 'utilities'],
  entertainment: ['movie', 'movies', 'cinema', 'netflix', 'spotify', 'concert', 'game', 'games', 'theatre', 'theater', 'museum'],
  health: ['pharmacy', 'doctor', 'dentist', 'medicine', 'hospital', 'gym', 'clinic'],
  shopping: ['clothes', 'shoes', 'amazon', 'shopping', 'gift', 'book', 'books', 'electronics'],
  travel: ['hotel', 'flight', 'airbnb', 'hostel', 'airport', 'visa'],
};

const KEYWORD_TO_CATEGORY = new Map<string, Category>(
  Object.entries(KEYWORDS).flatMap(([category, words]) => words.map((w) => [w, category as Category])),
);

export const DEFAULT_CATEGORIES = [...Object.keys(KEYWORDS), FALLBACK_CATEGORY] as Category[];

export function categoryFromKeywords(description: string): Category | undefined {
  for (const word of description.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const category = KEYWORD_TO_CATEGORY.get(word);
    if (category) return category;
  }
  return undefined;
}

/** The key under which a ledger remembers the category it used for a description ("Lunch  " → "lunch"). */
export function descriptionKey(description: string): string | undefined {
  const key = description.toLowerCase().replace(/\s+/g, ' ').trim();
  return key === '' ? undefined : key.slice(0, 100);
}
